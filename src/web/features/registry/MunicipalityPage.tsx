import { Button, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Municipality } from '../../../shared/contracts/registry';
import { DetailState } from '../../shared/components/DetailState';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { formatDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { CountyTag, MembershipStatusTag } from './MembershipStatusTag';
import { membershipStatus } from './membership';
import { useMunicipality } from './municipalities.api';
import { useAllRegions } from './regions.api';

/** One municipality: its number, name and period, and the regions it is or was a member of. */
export function MunicipalityPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const municipality = useMunicipality(id);
  return (
    <DetailState
      notFound={t('registry.notFound')}
      query={municipality}
      back={{ to: '/register/municipalities', label: t('registry.municipality.back') }}
    >
      {(m) => <MunicipalityView municipality={m} canEdit={canEdit} />}
    </DetailState>
  );
}

function MunicipalityView({ municipality: m, canEdit }: { municipality: Municipality; canEdit: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  const regionsHeading = useId();
  return (
    <Page
      title={t('registry.municipality.title', { number: m.number, name: m.name })}
      actions={
        canEdit && (
          <Button variant="secondary" onClick={() => navigate('edit')}>
            {t('registry.municipality.edit')}
          </Button>
        )
      }
    >
      <Paragraph>
        <Link to="/register/municipalities">{t('registry.municipality.back')}</Link>
      </Paragraph>
      <Notice fromNavigation />
      <dl className="facts">
        <dt>{t('registry.municipalities.number')}</dt>
        <dd>{m.number}</dd>
        <dt>{t('registry.municipalities.name')}</dt>
        <dd>{m.name}</dd>
        <dt>{t('registry.municipalities.validFrom')}</dt>
        <dd>{m.validFrom ? formatDate(m.validFrom, locale) : t('registry.municipality.noDate')}</dd>
        <dt>{t('registry.municipalities.validTo')}</dt>
        <dd>{m.validTo ? formatDate(m.validTo, locale) : t('registry.municipality.noDate')}</dd>
        <dt>{t('registry.municipalities.county')}</dt>
        <dd>
          <CountyTag outside={m.outsideCounty} />
          {m.countyName ? ` ${m.countyName}` : ''}
        </dd>
      </dl>
      <section className="stack page-section" aria-labelledby={regionsHeading}>
        <Heading id={regionsHeading} level={2} data-size="md">
          {t('registry.municipality.regions')}
        </Heading>
        <RegionsOf municipalityId={m.id} />
      </section>
    </Page>
  );
}

/** The regions with a membership of this municipality, read from the region list (a county has few). */
function RegionsOf({ municipalityId }: { municipalityId: string }) {
  const { t } = useTranslation();
  const regions = useAllRegions();
  const locale = currentLocale();
  const today = todayInOslo();
  return (
    <QueryState query={regions}>
      {(all) => {
        const rows = all.flatMap((r) =>
          r.members
            .filter((m) => m.municipalityId === municipalityId)
            .map((m) => ({ region: r, membership: m })),
        );
        if (rows.length === 0) return <Paragraph>{t('registry.municipality.noRegions')}</Paragraph>;
        return (
          <List.Unordered>
            {rows.map(({ region, membership }) => (
              <List.Item key={membership.id}>
                <Link to={`/register/regions/${region.id}`}>{region.name}</Link>{' '}
                {membership.validTo
                  ? t('registry.municipality.period', {
                      from: formatDate(membership.validFrom, locale),
                      to: formatDate(membership.validTo, locale),
                    })
                  : t('registry.municipality.since', { from: formatDate(membership.validFrom, locale) })}{' '}
                <MembershipStatusTag status={membershipStatus(membership, today)} />
              </List.Item>
            ))}
          </List.Unordered>
        );
      }}
    </QueryState>
  );
}
