/**
 * What other features take from the agreements:
 * - registerAgreementTab and useAgreementContext, for a feature that adds a tab to an agreement's page
 *   (contributions, special part) and reads the agreement there;
 * - useAgreement, for a screen that needs one agreement outside its page (the matrix's cell dialog).
 */
export {
  type AgreementContext,
  type AgreementTab,
  registerAgreementTab,
  useAgreementContext,
} from './agreement-tabs';
export { useAgreement } from './agreements.api';
