import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { AgreementLayout } from './AgreementLayout';
import { AgreementListPage } from './AgreementListPage';
import { AgreementOverviewPage } from './AgreementOverviewPage';
import { agreementsPages, agreementTabs } from './agreement-tabs';
import { SubjectAreasPage } from './SubjectAreasPage';
import './agreements.css';

/**
 * Avtaler: the agreements of the current cycle, one per region (agreementPath in the contracts links
 * here). Everyone signed in reads them; the coordinator creates them, moves their general part and keeps
 * the cycle's subject areas; a region contact marks the subject areas their region wants. An agreement's
 * overview is its first tab; the tabs other features register (agreement-tabs.ts) get their routes inside
 * the layout below, and the pages they register for the list (registerAgreementsPage) theirs beside
 * Fagområder.
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
      {agreementsPages().map((page) => (
        <Route
          key={page.path}
          path={page.path}
          element={page.roles.includes(me.role) ? <page.page /> : <Navigate to="/avtaler" replace />}
        />
      ))}
      <Route path=":id" element={<AgreementLayout me={me} />}>
        <Route index element={<AgreementOverviewPage me={me} />} />
        {agreementTabs().flatMap((tab) => [
          <Route key={tab.path} path={tab.path} element={<tab.page />} />,
          ...(tab.subpages ?? []).map((sub) => (
            <Route key={`${tab.path}/${sub.path}`} path={`${tab.path}/${sub.path}`} element={<sub.page />} />
          )),
        ])}
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
