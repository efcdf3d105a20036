import { Spinner } from '@digdir/designsystemet-react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Route, RouterProvider, Routes, useLocation } from 'react-router';
import type { Me } from '../../shared/contracts/auth';
import { useMe } from '../features/auth/auth.api';
import { isPublicPath } from '../features/public';
import { ApiError } from '../shared/api';
import { LeaveGuard } from '../shared/components/LeaveGuard';
import { NotFoundPage } from './NotFoundPage';

/**
 * Each section of the app is its own script, loaded when it is first visited (React.lazy), so that the
 * sign-in page and the start page load only what they need (issue 15, item 7: at most 200 kB compressed;
 * `npm run bench` prints the sizes). While a section's script loads, `Loading` shows.
 */
function section<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
// The header and navigation are for the signed-in only: the sign-in page does not load them.
const Layout = section(async () => (await import('./Layout')).Layout);
const LoginPage = section(async () => (await import('../features/auth/LoginPage')).LoginPage);
const StartPage = section(async () => (await import('../features/my-tasks/StartPage')).StartPage);
const GeneralPartRoutes = section(
  async () => (await import('../features/general-part/GeneralPartRoutes')).GeneralPartRoutes,
);
const HearingsRoutes = section(
  async () => (await import('../features/hearings/HearingsRoutes')).HearingsRoutes,
);
// The tabs of an agreement's page register themselves when their modules load: with the section itself.
const AgreementsRoutes = section(async () => {
  await import('./agreement-tabs');
  return (await import('../features/agreements/AgreementsRoutes')).AgreementsRoutes;
});
const MeetingsRoutes = section(
  async () => (await import('../features/meetings/MeetingsRoutes')).MeetingsRoutes,
);
const PoliticalRoutes = section(
  async () => (await import('../features/political/PoliticalRoutes')).PoliticalRoutes,
);
const BodyAddress = section(async () => (await import('../features/political/PoliticalRoutes')).BodyAddress);
const CaseAddress = section(async () => (await import('../features/political/PoliticalRoutes')).CaseAddress);
const FollowUpRoutes = section(
  async () => (await import('../features/follow-up/FollowUpRoutes')).FollowUpRoutes,
);
const MatrixRoutes = section(async () => (await import('../features/matrix/MatrixRoutes')).MatrixRoutes);
const FollowUpRollupRoutes = section(
  async () => (await import('../features/follow-up-rollup/FollowUpRollupRoutes')).FollowUpRollupRoutes,
);
const OverviewRoutes = section(
  async () => (await import('../features/overview/OverviewRoutes')).OverviewRoutes,
);
const RegistryRoutes = section(
  async () => (await import('../features/registry/RegistryRoutes')).RegistryRoutes,
);
const AdminRoutes = section(async () => (await import('../features/admin/AdminRoutes')).AdminRoutes);
const CalendarFeedsPage = section(
  async () => (await import('../features/calendar/CalendarFeedsPage')).CalendarFeedsPage,
);
const PublicRoutes = section(async () => (await import('../features/public/PublicRoutes')).PublicRoutes);

/** What shows while a section's script loads: a spinner named in the user's language, announced politely. */
function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      <Spinner aria-label={t('app.loading')} />
    </div>
  );
}

const loading = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

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
  if (isPublicPath(pathname)) return loading(<PublicRoutes />);
  return <SignedInShell />;
}

function SignedInShell() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  // Signing in keeps the address, so a shared link opens where it points after sign-in.
  if (!me.data) return loading(<LoginPage />);
  return <SignedInRoutes me={me.data} />;
}

function SignedInRoutes({ me }: { me: Me }) {
  return loading(
    <Layout me={me}>
      {loading(
        <Routes>
          <Route path="/" element={<StartPage me={me} />} />
          <Route path="/general-part/*" element={<GeneralPartRoutes me={me} />} />
          <Route path="/horinger/*" element={<HearingsRoutes me={me} />} />
          <Route path="/avtaler/*" element={<AgreementsRoutes me={me} />} />
          <Route path="/moter/*" element={<MeetingsRoutes me={me} />} />
          <Route path="/politisk/*" element={<PoliticalRoutes me={me} />} />
          <Route path="/utvalg/:id" element={<BodyAddress />} />
          <Route path="/saker/:id" element={<CaseAddress />} />
          <Route path="/oppfolging/*" element={<FollowUpRoutes me={me} />} />
          <Route path="/matrise/*" element={<MatrixRoutes me={me} />} />
          <Route path="/oppfolging/samlet/*" element={<FollowUpRollupRoutes />} />
          <Route path="/oversikt/*" element={<OverviewRoutes me={me} />} />
          <Route path="/register/*" element={<RegistryRoutes me={me} />} />
          <Route path="/admin/*" element={<AdminRoutes me={me} />} />
          <Route path="/kalender" element={<CalendarFeedsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>,
      )}
    </Layout>,
  );
}
