import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { ContributionsTabRoute } from '../contributions/ContributionsTab';
import { SpecialPartComparePage } from '../special-part/SpecialPartComparePage';
import { SpecialPartTab } from '../special-part/SpecialPartTab';
import { AgreementLayout } from './AgreementLayout';
import { AgreementListPage } from './AgreementListPage';
import { AgreementOverviewPage } from './AgreementOverviewPage';
import { SubjectAreasPage } from './SubjectAreasPage';
import './agreements.css';

/**
 * Avtaler: the agreements of the current cycle, one per region (agreementPath in the contracts links
 * here). Everyone signed in reads them; the coordinator creates them, moves their general part and keeps
 * the cycle's subject areas; a region contact marks the subject areas their region wants. An agreement's
 * tabs are listed in agreement-tabs.ts, each with its <Route> inside the layout below.
 */
export function AgreementsRoutes({ me }: { me: Me }) {
  const isAdmin = me.role === 'admin';
  return (
    <Routes>
      <Route index element={<AgreementListPage me={me} />} />
      <Route
        path="fagomrader"
        element={isAdmin ? <SubjectAreasPage /> : <Navigate to="/avtaler" replace />}
      />
      <Route path=":id" element={<AgreementLayout me={me} />}>
        <Route index element={<AgreementOverviewPage me={me} />} />
        <Route path="bidrag" element={<ContributionsTabRoute />} />
        <Route path="spesiell-del" element={<SpecialPartTab />} />
        <Route path="spesiell-del/sammenlign" element={<SpecialPartComparePage />} />
      </Route>
      <Route path="*" element={<AgreementsNotFound />} />
    </Routes>
  );
}

function AgreementsNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <Paragraph>{t('agreements.notFound')}</Paragraph>
      <Paragraph>
        <Link to="/avtaler">{t('agreements.backToList')}</Link>
      </Paragraph>
    </Page>
  );
}
