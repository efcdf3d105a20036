import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { SubNav } from '../../shared/components/SubNav';
import { CommitmentPage } from './CommitmentPage';
import { CommitmentsPage } from './CommitmentsPage';
import { followUpPaths } from './follow-up.api';
import { ReportPage } from './ReportPage';
import { RoundPage } from './RoundPage';
import { RoundsPage } from './RoundsPage';
import './follow-up.css';

/**
 * Oppfølging: the commitments of the agreements in force and the reporting rounds in which their owners
 * report on them. The server refuses whatever a role may not do, whatever the screen shows.
 */
export function FollowUpRoutes({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <SubNav
        label={t('followUp.nav.label')}
        items={[
          { to: followUpPaths.rounds, text: t('followUp.nav.rounds') },
          { to: followUpPaths.commitments, text: t('followUp.nav.commitments') },
          { to: followUpPaths.rollup, text: t('nav.followUpRollup') },
        ]}
      />
      <Routes>
        <Route index element={<Navigate to={followUpPaths.rounds} replace />} />
        <Route path="runder" element={<RoundsPage me={me} />} />
        <Route path="runder/:id" element={<RoundPage me={me} />} />
        <Route path="runder/:id/forpliktelser/:commitmentId" element={<ReportPage />} />
        <Route path="forpliktelser" element={<CommitmentsPage me={me} />} />
        <Route path="forpliktelser/:id" element={<CommitmentPage />} />
        <Route path="*" element={<FollowUpNotFound />} />
      </Routes>
    </div>
  );
}

function FollowUpNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <Paragraph>{t('followUp.notFound')}</Paragraph>
      <Paragraph>
        <Link to={followUpPaths.rounds}>{t('followUp.backToRounds')}</Link>
      </Paragraph>
    </Page>
  );
}
