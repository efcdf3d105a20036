import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { SubNav } from '../../shared/components/SubNav';
import { EqualTreatmentPage } from './EqualTreatmentPage';
import { RollupPage } from './RollupPage';
import './follow-up-rollup.css';

export const rollupPath = '/samlet-oppfolging';

/** Samlet oppfølging: the roll-up (måloppnåelse) and the equal-treatment view, for everyone signed in. */
export function FollowUpRollupRoutes() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <SubNav
        label={t('followUpRollup.tabs.label')}
        items={[
          { to: rollupPath, text: t('followUpRollup.tabs.rollup') },
          { to: `${rollupPath}/likebehandling`, text: t('followUpRollup.tabs.equal') },
        ]}
      />
      <Routes>
        <Route index element={<RollupPage />} />
        <Route path="likebehandling" element={<EqualTreatmentPage />} />
        <Route path="*" element={<RollupPage />} />
      </Routes>
    </div>
  );
}
