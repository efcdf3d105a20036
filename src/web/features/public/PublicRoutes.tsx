import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { Page } from '../../shared/components/Page';
import { AgreementPage } from './AgreementPage';
import { FrontPage } from './FrontPage';
import { HearingPage, HearingsPage } from './HearingsPage';
import { OpenDataPage } from './OpenDataPage';
import { PublicLayout } from './PublicLayout';
import { publicAlias, publicRoot } from './public-paths';
import { RegionPage } from './RegionPage';

/**
 * The pages anyone may read without signing in, under /offentlig (and /public, which leads there): the
 * agreements in force, each region's phase and meeting dates, the closed hearings with their summaries, and
 * the open data.
 */
export function PublicRoutes() {
  return (
    <Routes>
      <Route path={`${publicAlias}/*`} element={<ToPublicRoot />} />
      <Route
        path={`${publicRoot}/*`}
        element={
          <PublicLayout>
            <Routes>
              <Route index element={<FrontPage />} />
              <Route path="avtaler/:id" element={<AgreementPage />} />
              <Route path="regioner/:id" element={<RegionPage />} />
              <Route path="horinger" element={<HearingsPage />} />
              <Route path="horinger/:id" element={<HearingPage />} />
              <Route path="data" element={<OpenDataPage />} />
              <Route path="*" element={<PublicNotFound />} />
            </Routes>
          </PublicLayout>
        }
      />
    </Routes>
  );
}

/** /public/… is the English address of /offentlig/…: the same page, the address made the Norwegian one. */
function ToPublicRoot() {
  const { pathname, search, hash } = useLocation();
  return <Navigate replace to={`${publicRoot}${pathname.slice(publicAlias.length)}${search}${hash}`} />;
}

function PublicNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <Paragraph>{t('app.notFoundBody')}</Paragraph>
      <Paragraph>
        <Link to={publicRoot}>{t('public.toFront')}</Link>
      </Paragraph>
    </Page>
  );
}
