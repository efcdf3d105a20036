import { Spinner } from '@digdir/designsystemet-react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Route, RouterProvider, Routes, useLocation } from 'react-router';
import { AdminRoutes } from '../features/admin/AdminRoutes';
import { AgreementsRoutes } from '../features/agreements/AgreementsRoutes';
import { useMe } from '../features/auth/auth.api';
import { LoginPage } from '../features/auth/LoginPage';
import { CalendarFeedsPage } from '../features/calendar/CalendarFeedsPage';
import { FollowUpRoutes } from '../features/follow-up/FollowUpRoutes';
import { GeneralPartRoutes } from '../features/general-part/GeneralPartRoutes';
import { HearingsRoutes } from '../features/hearings/HearingsRoutes';
import { MatrixRoutes } from '../features/matrix/MatrixRoutes';
import { MeetingsRoutes } from '../features/meetings/MeetingsRoutes';
import { StartPage } from '../features/my-tasks/StartPage';
import { OverviewRoutes } from '../features/overview/OverviewRoutes';
import { BodyAddress, CaseAddress, PoliticalRoutes } from '../features/political';
import { isPublicPath, PublicRoutes } from '../features/public';
import { RegistryRoutes } from '../features/registry/RegistryRoutes';
import { ApiError } from '../shared/api';
import { LeaveGuard } from '../shared/components/LeaveGuard';
import './agreement-tabs';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * A data router (rather than <BrowserRouter>) so that a form with unsaved changes can hold a navigation
 * back (useBlocker in LeaveGuard). The sections still declare their routes with <Routes> below.
 */
export function App() {
  const [router] = useState(() =>
    createBrowserRouter([
      {
        path: '*',
        element: (
          <LeaveGuard>
            <Shell />
          </LeaveGuard>
        ),
      },
    ]),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}

function Shell() {
  const { pathname } = useLocation();
  // The public pages read only the public API: they never ask who is signed in, nor wait for the answer.
  if (isPublicPath(pathname)) return <PublicRoutes />;
  return <SignedInShell />;
}

function SignedInShell() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Spinner aria-label={t('app.loading')} />;
  // Signing in keeps the address, so a shared link opens where it points after sign-in.
  if (!me.data) return <LoginPage />;
  return (
    <Layout me={me.data}>
      <Routes>
        <Route path="/" element={<StartPage me={me.data} />} />
        <Route path="/general-part/*" element={<GeneralPartRoutes me={me.data} />} />
        <Route path="/horinger/*" element={<HearingsRoutes me={me.data} />} />
        <Route path="/avtaler/*" element={<AgreementsRoutes me={me.data} />} />
        <Route path="/moter/*" element={<MeetingsRoutes me={me.data} />} />
        <Route path="/politisk/*" element={<PoliticalRoutes me={me.data} />} />
        <Route path="/utvalg/:id" element={<BodyAddress />} />
        <Route path="/saker/:id" element={<CaseAddress />} />
        <Route path="/oppfolging/*" element={<FollowUpRoutes me={me.data} />} />
        <Route path="/matrise/*" element={<MatrixRoutes me={me.data} />} />
        <Route path="/oversikt/*" element={<OverviewRoutes me={me.data} />} />
        <Route path="/register/*" element={<RegistryRoutes me={me.data} />} />
        <Route path="/admin/*" element={<AdminRoutes me={me.data} />} />
        <Route path="/kalender" element={<CalendarFeedsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
