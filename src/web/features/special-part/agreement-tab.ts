import { registerAgreementTab } from '../agreements';
import { SpecialPartComparePage } from './SpecialPartComparePage';
import { SpecialPartTab } from './SpecialPartTab';

/** The agreement page's "Spesiell del" tab: the special part's versions, and the comparison of two. */
registerAgreementTab({
  label: 'specialPart.tab',
  path: 'spesiell-del',
  page: SpecialPartTab,
  subpages: [{ path: 'sammenlign', page: SpecialPartComparePage }],
});
