import { registerAgreementsPage, registerAgreementTab } from '../agreements';
import { MilestoneTemplatePage } from './MilestoneTemplatePage';
import { ProgressTab } from './ProgressTab';

/**
 * The agreement page's "Fremdrift" tab: the phase, the region's ready flag and the milestones. A region
 * contact sees it on their own region's agreement only, as the server allows. Beside Fagområder on the
 * agreements list, the coordinator's "Milepæler": the cycle's milestone template.
 */
registerAgreementTab({
  label: 'milestones.tab',
  path: 'fremdrift',
  page: ProgressTab,
  visible: ({ agreement, me }) => me.role !== 'region' || me.regionId === agreement.region.id,
});
registerAgreementsPage({
  label: 'milestones.template.link',
  path: 'milepaeler',
  page: MilestoneTemplatePage,
  roles: ['admin'],
});
