/**
 * What other features take from the agreements:
 * - registerAgreementTab and useAgreementContext, for a feature that adds a tab to an agreement's page
 *   (contributions, special part, milestones) and reads the agreement there;
 * - registerAgreementsPage, for a feature that adds a page about the cycle's agreements beside Fagområder
 *   (the milestone template);
 * - agreementsKey, for a feature whose writes change what an agreement shows (the ready flag changes its
 *   version), so that it reads the agreements again;
 * - useAgreement, for a screen that needs one agreement outside its page (the matrix's cell dialog);
 * - useAgreements, for a screen that chooses among a cycle's agreements (the regions a meeting concerns);
 * - useSubjectAreas, for a screen that chooses among a cycle's subject areas (a commitment agreed elsewhere).
 */
export {
  type AgreementContext,
  type AgreementsPage,
  type AgreementTab,
  registerAgreementsPage,
  registerAgreementTab,
  useAgreementContext,
} from './agreement-tabs';
export { agreementsKey, useAgreement, useAgreements, useSubjectAreas } from './agreements.api';
