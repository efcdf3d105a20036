import { registerAgreementTab } from '../agreements';
import { AgreementMeetingsTab } from './AgreementMeetingsTab';

/** The agreement page's "Møter" tab: the meetings that concern the agreement. */
registerAgreementTab({ label: 'meetings.tab', path: 'moter', page: AgreementMeetingsTab });
