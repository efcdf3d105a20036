import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { Page } from '../../shared/components/Page';
import { ComparePage } from './ComparePage';
import { OverviewPage } from './OverviewPage';
import { VersionPage } from './VersionPage';
import './general-part.css';

// The editor (Tiptap and ProseMirror) is loaded when a draft is opened for writing, not by every reader.
const EditorPage = lazy(() => import('./EditorPage').then((m) => ({ default: m.EditorPage })));
const NynorskPage = lazy(() => import('./NynorskPage').then((m) => ({ default: m.NynorskPage })));

/**
 * Generell del: the text every region's agreement shares, in versions. Everyone signed in reads it and
 * compares versions; only the coordinator (admin) writes drafts, makes cycles and records approvals, and
 * the server refuses the rest whatever the screen shows.
 */
export function GeneralPartRoutes({ me }: { me: Me }) {
  const { t } = useTranslation();
  const isAdmin = me.role === 'admin';
  const loading = <Spinner aria-label={t('app.loading')} />;
  return (
    <Routes>
      <Route index element={<OverviewPage me={me} />} />
      <Route path="compare" element={<ComparePage />} />
      <Route path="versions/:id" element={<VersionPage me={me} />} />
      {isAdmin && (
        <Route
          path="versions/:id/edit"
          element={
            <Suspense fallback={loading}>
              <EditorPage />
            </Suspense>
          }
        />
      )}
      {isAdmin && (
        <Route
          path="versions/:id/nynorsk"
          element={
            <Suspense fallback={loading}>
              <NynorskPage />
            </Suspense>
          }
        />
      )}
      <Route path="*" element={<GeneralPartNotFound />} />
    </Routes>
  );
}

function GeneralPartNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <Paragraph>{t('generalPart.notFound')}</Paragraph>
      <Paragraph>
        <Link to="/general-part">{t('generalPart.backToOverview')}</Link>
      </Paragraph>
    </Page>
  );
}
