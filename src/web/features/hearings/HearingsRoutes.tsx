import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { DispositionsPage } from './DispositionsPage';
import { HearingListPage } from './HearingListPage';
import { HearingPage } from './HearingPage';
import { OpenHearingPage } from './OpenHearingPage';
import { SummaryPage } from './SummaryPage';
import './hearings.css';

/**
 * Høringer: the general part's hearings (hearingPath in the contracts: the e-mails link here). Everyone
 * signed in reads the hearings their role may see; the coordinator opens, extends and closes them and
 * answers the input; region contacts give input; department editors answer what is assigned to them. The
 * server refuses the rest whatever the screen shows.
 */
export function HearingsRoutes({ me }: { me: Me }) {
  const isAdmin = me.role === 'admin';
  return (
    <Routes>
      <Route index element={<HearingListPage me={me} />} />
      <Route path="new" element={isAdmin ? <OpenHearingPage /> : <Navigate to="/horinger" replace />} />
      <Route path=":id" element={<HearingPage me={me} />} />
      <Route path=":id/dispositions" element={<DispositionsPage me={me} />} />
      <Route path=":id/summary" element={<SummaryPage />} />
      <Route path="*" element={<HearingsNotFound />} />
    </Routes>
  );
}

function HearingsNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <Paragraph>{t('hearings.notFound')}</Paragraph>
      <Paragraph>
        <Link to="/horinger">{t('hearings.backToList')}</Link>
      </Paragraph>
    </Page>
  );
}
