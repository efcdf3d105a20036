import { Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  type Rollup,
  type RollupDimension,
  type RollupGroup,
  type RollupSummary,
  rollupDimensions,
  rollupStatuses,
} from '../../../shared/contracts/follow-up-rollup';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { useCurrentCycle } from '../../shared/current-cycle';
import { formatDate, intlLocale } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useUrlFilters } from '../../shared/url-state';
import type { PagedList } from '../../shared/use-paged-list';
import { BarChart, ScrollRegion, StackedBarChart } from './charts';
import { useRollup } from './follow-up-rollup.api';

const filterKeys = ['by'] as const;
/** The catalogue's word for a dimension ("subject-area" is a key of its own there). */
export const dimensionKey = (by: RollupDimension) => (by === 'subject-area' ? 'subjectArea' : by);

/**
 * Måloppnåelse: the roll-up of the chosen cycle's commitments by region, department, subject area or
 * agreement (in the address, so a link keeps it). The county's figures first, then progress per group and
 * status per group as charts, then the table with every figure, the county's side and the region's apart,
 * and the rules the figures follow. The groups come a hundred at a time: the charts and the table show
 * those loaded, and «Vis flere» adds the next hundred; the county's figures are always over every group.
 */
export function RollupPage() {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  const filters = useUrlFilters(filterKeys);
  const by = (rollupDimensions as readonly string[]).includes(filters.values.by)
    ? (filters.values.by as RollupDimension)
    : 'region';
  return (
    <Page title={t('followUpRollup.tabs.rollup')}>
      <Paragraph>{t('followUpRollup.intro')}</Paragraph>
      <SelectField label={t('followUpRollup.by.label')} value={by} onChange={(v) => filters.set('by', v)}>
        {rollupDimensions.map((d) => (
          <option key={d} value={d}>
            {t(`followUpRollup.by.${dimensionKey(d)}`)}
          </option>
        ))}
      </SelectField>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleRollup cycleId={cycle.id} by={by} />
          ) : (
            <Card>
              <Paragraph>{t('followUpRollup.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}

function CycleRollup({ cycleId, by }: { cycleId: string; by: RollupDimension }) {
  const rollup = useRollup(cycleId, by);
  return (
    <QueryState query={rollup.list}>
      {() => {
        // Every page carries the county's figures; the first page's go with the groups shown first.
        const first = rollup.pages[0];
        return first ? <RollupView rollup={first} groups={rollup.items} paged={rollup} /> : null;
      }}
    </QueryState>
  );
}

export function useFigures() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  return {
    number: (n: number) => number.format(n),
    progress: (s: RollupSummary) =>
      s.progress === null
        ? t('followUpRollup.none')
        : t('followUpRollup.percent', { value: number.format(s.progress) }),
    weighting: (s: RollupSummary) => t(`followUpRollup.weighting.${s.weighting}`),
    weightingNote: (s: RollupSummary) =>
      t(`followUpRollup.weightingNote.${s.weighting}`, { counted: s.counted, withBudget: s.withBudget }),
  };
}

function RollupView({
  rollup,
  groups,
  paged,
}: {
  rollup: Rollup;
  groups: readonly RollupGroup[];
  paged: PagedList;
}) {
  const { t } = useTranslation();
  const f = useFigures();
  const byName = t(`followUpRollup.byName.${dimensionKey(rollup.by)}`);
  const nameOf = (g: RollupGroup) => g.name ?? t('followUpRollup.regionsOwn');
  const total = rollup.total.total;
  // By department the regions' own commitments are a group but no department: the count leaves them out
  // once they are shown (they come last, so then every department is shown too).
  const own = groups.some((g) => g.id === null) ? 1 : 0;
  if (total.commitments + total.withdrawn === 0)
    return (
      <Card data-color="neutral">
        <Paragraph>{t('followUpRollup.empty')}</Paragraph>
      </Card>
    );
  return (
    <div className="stack">
      <Card data-color="neutral">
        <Heading level={2} data-size="sm">
          {t('followUpRollup.county')}
        </Heading>
        <div className="rollup-figures">
          <p className="rollup-figure">
            {t('followUpRollup.commitments')} <strong>{f.number(total.commitments)}</strong>
          </p>
          <p className="rollup-figure">
            {t('followUpRollup.progress')} <strong>{f.progress(total)}</strong> {f.weighting(total)}
          </p>
          <p className="rollup-figure">
            {t('followUpRollup.overdue')} <strong>{f.number(total.overdue)}</strong>
          </p>
          <p className="rollup-figure">
            {t('followUpRollup.indicators.towards')} <strong>{f.number(total.indicators.towards)}</strong>
          </p>
          <p className="rollup-figure">
            {t('followUpRollup.indicators.away')} <strong>{f.number(total.indicators.away)}</strong>
          </p>
        </div>
        <Paragraph data-size="sm">{f.weightingNote(total)}</Paragraph>
        <Paragraph data-size="sm">
          {t('followUpRollup.countySide')}: {f.progress(rollup.total.county)} (
          {f.weighting(rollup.total.county)}) · {t('followUpRollup.regionSide')}:{' '}
          {f.progress(rollup.total.region)} ({f.weighting(rollup.total.region)})
        </Paragraph>
      </Card>

      <ListCount
        count={t(`followUpRollup.shown.${dimensionKey(rollup.by)}`, {
          count: rollup.count - own,
          shown: groups.length - own,
        })}
        more={t('followUpRollup.more')}
        paged={paged}
      />

      <Heading level={2} data-size="sm">
        {t('followUpRollup.chartProgress', { by: byName })}
      </Heading>
      <BarChart
        title={t('followUpRollup.chartProgress', { by: byName })}
        alt={t('followUpRollup.chartAlt')}
        max={100}
        bars={groups.map((g) => ({
          label: nameOf(g),
          value: g.total.progress,
          text: f.progress(g.total),
        }))}
      />

      <Heading level={2} data-size="sm">
        {t('followUpRollup.chartStatus', { by: byName })}
      </Heading>
      <StackedBarChart
        title={t('followUpRollup.chartStatus', { by: byName })}
        alt={t('followUpRollup.chartAlt')}
        legend={rollupStatuses.map((s) => ({ key: s, label: t(`followUpRollup.statuses.${s}`) }))}
        stacks={groups.map((g) => ({
          label: nameOf(g),
          total: g.total.commitments,
          parts: rollupStatuses.map((s) => ({ key: s, value: g.total.statuses[s] })),
        }))}
      />

      <RollupTable
        rollup={rollup}
        groups={groups}
        caption={t('followUpRollup.tableCaption', { by: byName })}
        nameOf={nameOf}
      />
      <LoadMore paged={paged} />
      <Paragraph data-size="sm">
        {t('followUpRollup.date', { date: formatDate(rollup.date, currentLocale()) })}
      </Paragraph>
      <Rules />
    </div>
  );
}

function RollupTable({
  rollup,
  groups: shown,
  caption,
  nameOf,
}: {
  rollup: Rollup;
  groups: readonly RollupGroup[];
  caption: string;
  nameOf: (g: RollupGroup) => string;
}) {
  const { t } = useTranslation();
  const f = useFigures();
  const sides = [
    ['total', t('followUpRollup.all')],
    ['county', t('followUpRollup.countySide')],
    ['region', t('followUpRollup.regionSide')],
  ] as const;
  const groups = [...shown, { ...rollup.total, id: null, name: t('followUpRollup.county') }];
  return (
    <ScrollRegion label={caption}>
      <Table zebra data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('followUpRollup.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('followUpRollup.side')}</Table.HeaderCell>
            <Table.HeaderCell className="rollup-numeric">{t('followUpRollup.commitments')}</Table.HeaderCell>
            <Table.HeaderCell className="rollup-numeric">{t('followUpRollup.progress')}</Table.HeaderCell>
            {rollupStatuses.map((s) => (
              <Table.HeaderCell key={s} className="rollup-numeric">
                {t(`followUpRollup.statuses.${s}`)}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell className="rollup-numeric">{t('followUpRollup.overdue')}</Table.HeaderCell>
            <Table.HeaderCell className="rollup-numeric">
              {t('followUpRollup.indicators.towards')}
            </Table.HeaderCell>
            <Table.HeaderCell className="rollup-numeric">
              {t('followUpRollup.indicators.away')}
            </Table.HeaderCell>
            <Table.HeaderCell className="rollup-numeric">
              {t('followUpRollup.indicators.behindGoal')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        {groups.map((g) => (
          <Table.Body key={g.id ?? g.name ?? 'regions-own'}>
            {sides.map(([side, label], index) => {
              const s = g[side];
              return (
                <Table.Row key={side}>
                  {index === 0 && (
                    <Table.HeaderCell scope="rowgroup" rowSpan={3}>
                      {nameOf(g)}
                    </Table.HeaderCell>
                  )}
                  <Table.Cell>{label}</Table.Cell>
                  <Table.Cell className="rollup-numeric">{f.number(s.commitments)}</Table.Cell>
                  <Table.Cell className="rollup-numeric">
                    {f.progress(s)}
                    {s.progress !== null && <span className="rollup-rule"> ({f.weighting(s)})</span>}
                  </Table.Cell>
                  {rollupStatuses.map((st) => (
                    <Table.Cell key={st} className="rollup-numeric">
                      {f.number(s.statuses[st])}
                    </Table.Cell>
                  ))}
                  <Table.Cell className="rollup-numeric">{f.number(s.overdue)}</Table.Cell>
                  <Table.Cell className="rollup-numeric">{f.number(s.indicators.towards)}</Table.Cell>
                  <Table.Cell className="rollup-numeric">{f.number(s.indicators.away)}</Table.Cell>
                  <Table.Cell className="rollup-numeric">{f.number(s.indicators.behindGoal)}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        ))}
      </Table>
    </ScrollRegion>
  );
}

function Rules() {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('followUpRollup.rules.title')}</summary>
      <div className="stack">
        <Paragraph data-size="sm">{t('followUpRollup.rules.progress')}</Paragraph>
        <Paragraph data-size="sm">{t('followUpRollup.rules.dropped')}</Paragraph>
        <Paragraph data-size="sm">{t('followUpRollup.rules.indicators')}</Paragraph>
        <Paragraph data-size="sm">{t('followUpRollup.rules.overdue')}</Paragraph>
      </div>
    </details>
  );
}
