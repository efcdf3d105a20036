import { registerAgreementTab } from '../agreements';
import { ContributionsTabRoute } from './ContributionsTab';

/** The agreement page's "Bidrag" tab: the agreement's contributions. */
registerAgreementTab({ label: 'contributions.tab', path: 'bidrag', page: ContributionsTabRoute });
