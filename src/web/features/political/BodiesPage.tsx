import { Button, Card, Heading, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { type BodyKind, bodyKinds, isCountyBody, type PoliticalBody } from '../../../shared/contracts/bodies';
import { FormError } from '../../shared/components/FormError';
import { ListCount } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { currentLocale } from '../../shared/i18n';
import { useUrlFilters } from '../../shared/url-state';
import { MeetingDate } from './MeetingDate';
import { politicalPaths, useBodies, useSyncBodies } from './political.api';

/**
 * "Utvalg og møteplaner": the political bodies grouped by kind (the county's first), each with its next
 * meeting. A region contact sees its regional council and its member municipalities' councils; the
 * county's people may narrow the list to one region (kept in the address). The admin makes the bodies from
 * the registry.
 */
export function BodiesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const filters = useUrlFilters(['region'] as const);
  const regionChoice = me.role !== 'region';
  const councils = useBodies({ kind: 'regional_council' });
  const regionIds = new Set((councils.data ?? []).map((c) => c.regionId));
  const regionId = regionChoice
    ? regionIds.has(filters.values.region)
      ? filters.values.region
      : undefined
    : (me.regionId ?? undefined);
  const bodies = useBodies({ regionId });
  return (
    <Page title={t('political.bodies.title')}>
      <Notice fromNavigation text={notice} />
      <Paragraph>{t(regionChoice ? 'political.bodies.intro' : 'political.bodies.introRegion')}</Paragraph>
      {regionChoice && (
        <search className="row" aria-label={t('political.bodies.filterLabel')}>
          <SelectField
            label={t('political.bodies.region')}
            value={regionId ?? ''}
            onChange={(v) => filters.set('region', v)}
          >
            <Select.Option value="">{t('political.bodies.allRegions')}</Select.Option>
            {(councils.data ?? []).map((c) =>
              c.regionId ? (
                <Select.Option key={c.id} value={c.regionId}>
                  {c.name}
                </Select.Option>
              ) : null,
            )}
          </SelectField>
        </search>
      )}
      <QueryState query={bodies}>
        {(items) => (
          <>
            <ListCount count={t('political.bodies.count', { count: items.length })} />
            {items.length === 0 ? (
              <Card>
                <Paragraph>
                  {regionId
                    ? t('political.bodies.emptyRegion')
                    : t(me.role === 'admin' ? 'political.bodies.emptyAdmin' : 'political.bodies.empty')}
                </Paragraph>
                {me.role === 'admin' && !regionId && <SyncBodies primary onDone={setNotice} />}
              </Card>
            ) : (
              bodyKinds.map((kind) => {
                const ofKind = items.filter((b) => b.kind === kind);
                return ofKind.length === 0 ? null : <BodyGroup key={kind} kind={kind} bodies={ofKind} />;
              })
            )}
            {me.role === 'admin' && items.length > 0 && (
              <section className="stack page-section" aria-label={t('political.bodies.syncHeading')}>
                <Paragraph data-size="sm">{t('political.bodies.syncHelp')}</Paragraph>
                <SyncBodies onDone={setNotice} />
              </section>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

/** "Opprett utvalg fra registeret": makes the bodies the registry calls for that are missing. */
function SyncBodies({ primary = false, onDone }: { primary?: boolean; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const sync = useSyncBodies();
  return (
    <div className="stack stack--tight">
      <FormError error={sync.error?.message ?? null} />
      <div>
        <Button
          variant={primary ? 'primary' : 'secondary'}
          disabled={sync.isPending}
          onClick={() =>
            sync.mutate(undefined, {
              onSuccess: (r) =>
                onDone(
                  r.created === 0
                    ? t('political.bodies.syncedNone')
                    : t('political.bodies.synced', { count: r.created }),
                ),
            })
          }
        >
          {sync.isPending ? t('political.bodies.syncing') : t('political.bodies.sync')}
        </Button>
      </div>
    </div>
  );
}

/** One kind of body in a table: its name, its next meeting and (the county's) the deadline before it. */
function BodyGroup({ kind, bodies }: { kind: BodyKind; bodies: PoliticalBody[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const locale = currentLocale();
  const county = isCountyBody(kind);
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t(`political.kindPlural.${kind}`)}
      </Heading>
      <div className="table-wrap">
        <Table aria-labelledby={headingId} zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('political.bodies.columns.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.bodies.columns.nextMeeting')}</Table.HeaderCell>
              {county && <Table.HeaderCell>{t('political.bodies.columns.documentsDue')}</Table.HeaderCell>}
              <Table.HeaderCell>{t('political.bodies.columns.place')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {bodies.map((b) => (
              <Table.Row key={b.id}>
                <Table.Cell>
                  <Link to={politicalPaths.body(b.id)}>{b.name}</Link>
                </Table.Cell>
                <Table.Cell>
                  {b.nextMeeting ? (
                    <MeetingDate date={b.nextMeeting.date} locale={locale} />
                  ) : (
                    <span className="muted">{t('political.bodies.noNextMeeting')}</span>
                  )}
                </Table.Cell>
                {county && (
                  <Table.Cell>
                    {b.nextMeeting?.documentsDue ? (
                      <MeetingDate date={b.nextMeeting.documentsDue} locale={locale} deadline />
                    ) : (
                      ''
                    )}
                  </Table.Cell>
                )}
                <Table.Cell>{b.nextMeeting?.place ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
