import { Alert, Button, Heading, Paragraph, Select } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import {
  type Hearing,
  type HearingOverview,
  InputListQuery,
  inputFilterKeys,
  wholeDocument,
} from '../../../shared/contracts/hearings';
import { DetailState } from '../../shared/components/DetailState';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useUrlFilters } from '../../shared/url-state';
import { useLandOnHash } from '../../shared/use-land-on-hash';
import { useGeneralPart } from '../general-part';
import { useDepartments } from '../registry';
import { DispositionDialog, type DispositionTask } from './DispositionDialog';
import { DispositionTable } from './DispositionTable';
import { useHearing, useHearingOverview } from './hearings.api';
import { Tallies } from './Tallies';

const landingPrefix = 'innspill-';
const landingPrefixes = [landingPrefix] as const;

/**
 * "Behandling av innspill": per region and per section what came in and what is still unanswered, the
 * inputs the filters (kept in the address) select, and the county's answers. The coordinator selects
 * inputs and gives them one disposition; a department editor answers those assigned to the department.
 */
export function DispositionsPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const hearing = useHearing(id);
  return (
    <DetailState
      query={hearing}
      back={{ to: '/horinger', label: t('hearings.backToList') }}
      notFound={t('hearings.hearing.notFound')}
    >
      {(h) => <Dispositions hearing={h} me={me} />}
    </DetailState>
  );
}

function Dispositions({ hearing, me }: { hearing: Hearing; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const filters = useUrlFilters(inputFilterKeys);
  // Values a shared link holds that the API would refuse filter by nothing rather than failing.
  const active = Object.fromEntries(
    inputFilterKeys.flatMap((k) => {
      const value = filters.values[k];
      return value && InputListQuery.shape[k].safeParse(value).success ? [[k, value]] : [];
    }),
  );
  const overview = useHearingOverview(hearing.id, active);
  // A link to one input (the start page's assigned inputs, `#innspill-<id>`) lands on its row: pages are
  // fetched until it is among them.
  const { hash } = useLocation();
  const wanted = hash.startsWith(`#${landingPrefix}`)
    ? decodeURIComponent(hash.slice(landingPrefix.length + 1))
    : null;
  const found = wanted !== null && overview.inputs.some((i) => i.id === wanted);
  const { hasMore, loadingMore, loadMore } = overview;
  useEffect(() => {
    if (wanted !== null && !found && hasMore && !loadingMore) loadMore();
  }, [wanted, found, hasMore, loadingMore, loadMore]);
  useLandOnHash(landingPrefixes, overview.inputs.length > 0 && (found || !hasMore));
  const departments = useDepartments();
  const part = useGeneralPart(hearing.cycleId);
  const [task, setTask] = useState<DispositionTask | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdmin = me.role === 'admin';

  return (
    <Page
      title={t('hearings.dispositions.title', {
        kind: t(`hearings.kind.${hearing.kind}`),
        number: hearing.versionNumber,
      })}
    >
      <Notice text={notice} />
      <Paragraph>
        <Link to={`/horinger/${hearing.id}`}>{t('hearings.dispositions.backToHearing')}</Link>
      </Paragraph>
      {hearing.state === 'open' && (
        <Alert data-color="info">
          <Paragraph>
            {t('hearings.dispositions.stillOpen', { deadline: formatShortDate(hearing.deadline, locale) })}
          </Paragraph>
        </Alert>
      )}
      <Paragraph>{t(isAdmin ? 'hearings.dispositions.introAdmin' : 'hearings.dispositions.intro')}</Paragraph>
      <QueryState query={overview.list}>
        {({ pages: [first] }) =>
          first && (
            <>
              <Tallies overview={first} />
              <Filters overview={first} filters={filters} me={me} />
              <ListCount
                paged={overview}
                count={
                  overview.hasMore
                    ? t('hearings.dispositions.countFirst', {
                        shown: overview.inputs.length,
                        count: first.matching,
                      })
                    : t('hearings.dispositions.count', {
                        count: first.matching,
                        total: first.hearing.counts.inputs,
                      })
                }
                more={t('hearings.inputs.moreExist')}
              />
              <DispositionTable
                inputs={overview.inputs}
                me={me}
                canAnswer={hearing.state === 'closed'}
                filtered={filters.any}
                onTask={setTask}
              />
              <LoadMore paged={overview} />
            </>
          )
        }
      </QueryState>
      <DispositionDialog
        hearingId={hearing.id}
        task={task}
        choices={{ departments: departments.data ?? [], versions: part.data?.versions ?? [] }}
        onClose={() => setTask(null)}
        onDone={(message) => {
          setTask(null);
          setNotice(message);
        }}
      />
    </Page>
  );
}

function Filters({
  overview,
  filters,
  me,
}: {
  overview: HearingOverview;
  filters: ReturnType<typeof useUrlFilters<(typeof inputFilterKeys)[number]>>;
  me: Me;
}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  return (
    <div className="stack hearings-tight">
      <Heading level={2} data-size="sm">
        {t('hearings.dispositions.inputsTitle')}
      </Heading>
      <div className="hearings-filters">
        <SelectField
          label={t('hearings.dispositions.region')}
          value={filters.values.region}
          onChange={(v) => filters.set('region', v)}
        >
          <Select.Option value="">{t('hearings.dispositions.allRegions')}</Select.Option>
          {overview.regions.map((r) => (
            <Select.Option key={r.region.id} value={r.region.id}>
              {r.region.name}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          label={t('hearings.dispositions.section')}
          value={filters.values.section}
          onChange={(v) => filters.set('section', v)}
        >
          <Select.Option value="">{t('hearings.dispositions.allSections')}</Select.Option>
          {overview.sections.map((s) => (
            <Select.Option key={s.key ?? wholeDocument} value={s.key ?? wholeDocument}>
              {s.title ?? t('hearings.input.wholeDocument')}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          label={t('hearings.dispositions.status')}
          value={filters.values.status}
          onChange={(v) => filters.set('status', v)}
        >
          <Select.Option value="">{t('hearings.dispositions.allStatuses')}</Select.Option>
          <Select.Option value="unanswered">{t('hearings.dispositions.unanswered')}</Select.Option>
          <Select.Option value="answered">{t('hearings.dispositions.answered')}</Select.Option>
        </SelectField>
        <SelectField
          label={t('hearings.dispositions.department')}
          value={filters.values.department}
          onChange={(v) => filters.set('department', v)}
        >
          <Select.Option value="">{t('hearings.dispositions.anyDepartment')}</Select.Option>
          {(departments.data ?? []).map((d) => (
            <Select.Option key={d.id} value={d.id}>
              {d.name}
            </Select.Option>
          ))}
        </SelectField>
        {filters.any && (
          <Button variant="tertiary" onClick={filters.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>
      {me.role === 'department' && me.departmentId && filters.values.department !== me.departmentId && (
        <Paragraph>
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() => filters.set('department', me.departmentId ?? '')}
          >
            {t('hearings.dispositions.onlyMine', { department: me.departmentName ?? '' })}
          </Button>
        </Paragraph>
      )}
    </div>
  );
}
