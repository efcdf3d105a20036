import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useParams } from 'react-router';
import { agreementPath } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import { DetailState } from '../../shared/components/DetailState';
import { Page } from '../../shared/components/Page';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { AgreementDownloads } from '../agreement-document';
import { type AgreementContext, visibleAgreementTabs } from './agreement-tabs';
import { useAgreement } from './agreements.api';
import '../../shared/components/sub-nav.css';

/** The first tab, the agreement's own; the other features' tabs follow (agreement-tabs.ts). */
const overviewTab = { label: 'agreements.tabs.overview', path: '' };

/**
 * An agreement's page: its title, region and period, the overview and the tabs registered in
 * agreement-tabs.ts; the chosen tab renders below (an <Outlet>, with the agreement in its context). The
 * header's `actions` place is where the agreement's download buttons (AgreementDownloads, made by the
 * agreement document feature) belong.
 */
export function AgreementLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const agreement = useAgreement(id);
  const locale = currentLocale();
  return (
    <DetailState
      query={agreement}
      back={{ to: '/avtaler', label: t('agreements.backToList') }}
      notFound={t('agreements.notFound')}
    >
      {(a) => (
        <Page title={a.title} actions={<AgreementDownloads agreementId={a.id} />}>
          <Paragraph className="muted">
            {t('agreements.layout.summary', {
              region: a.region.name,
              from: formatDate(a.periodFrom, locale),
              to: formatDate(a.periodTo, locale),
            })}
          </Paragraph>
          <nav className="sub-nav" aria-label={t('agreements.tabs.label')}>
            <ul>
              {[overviewTab, ...visibleAgreementTabs({ agreement: a, me })].map((tab) => {
                const to = tab.path ? `${agreementPath(a.id)}/${tab.path}` : agreementPath(a.id);
                return (
                  <li key={tab.label}>
                    <NavLink to={to} end={tab.path === ''}>
                      {t(tab.label)}
                    </NavLink>
                  </li>
                );
              })}
            </ul>
          </nav>
          <Outlet context={{ agreement: a, me } satisfies AgreementContext} />
        </Page>
      )}
    </DetailState>
  );
}
