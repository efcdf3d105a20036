import { registerAgreementTab } from '../agreements';
import { AdoptionTab } from './AdoptionTab';

/** The agreement page's "Vedtak" tab: the political bodies' decisions, the changes, and whether it is in force. */
registerAgreementTab({ label: 'adoption.tab', path: 'vedtak', page: AdoptionTab });
