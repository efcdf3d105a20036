import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { SubNav } from '../../shared/components/SubNav';
import { EqualTreatmentPage } from './EqualTreatmentPage';
import { RollupPage } from './RollupPage';
import './follow-up-rollup.css';

/** A part of the Oppfølging section: its menu names the section's other parts (features/follow-up). */
export const rollupPath = '/oppfolging/samlet';

/** Samlet oppfølging: the roll-up (måloppnåelse) and the equal-treatment view, for everyone signed in. */
export function FollowUpRollupRoutes() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <SubNav
        label={t('followUp.nav.label')}
        items={[
          { to: '/oppfolging/runder', text: t('followUp.nav.rounds') },
          { to: '/oppfolging/forpliktelser', text: t('followUp.nav.commitments') },
          { to: rollupPath, text: t('nav.followUpRollup') },
        ]}
      />
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
