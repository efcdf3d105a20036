import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { MeetingListPage } from './MeetingListPage';
import { MeetingPage } from './MeetingPage';
import './meetings.css';

/**
 * Møter: the meetings of the process (meetingPath in the contracts: the e-mails link here). Everyone signed
 * in reads those their role may; the admin manages all, a department editor its department's bilateral
 * meetings; a region contact proposes agenda items and comments on minutes. The server refuses the rest
 * whatever the screen shows.
 */
export function MeetingsRoutes({ me }: { me: Me }) {
  return (
    <Routes>
      <Route index element={<MeetingListPage me={me} />} />
      <Route path=":id" element={<MeetingPage me={me} />} />
      <Route path="*" element={<MeetingsNotFound />} />
    </Routes>
  );
}

function MeetingsNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <Paragraph>{t('meetings.notFound')}</Paragraph>
      <Paragraph>
        <Link to="/moter">{t('meetings.backToList')}</Link>
      </Paragraph>
    </Page>
  );
}
