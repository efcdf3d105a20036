import { Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type {
  ColumnCell,
  EqualTreatment,
  EqualTreatmentRegion,
  Outlier,
  RegionCell,
} from '../../../shared/contracts/follow-up-rollup';
import { ListCount, LoadMore } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { formatDate, intlLocale } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import type { PagedList } from '../../shared/use-paged-list';
import { BarChart, ScrollRegion } from './charts';
import { useEqualTreatment } from './follow-up-rollup.api';

/**
 * Likebehandling: what each region got from the county in the chosen cycle, the regions side by side:
 * commitments and kroner in total and per inhabitant, with outliers marked in words (not by colour alone),
 * then kroner per inhabitant per subject area and per department, and the rules behind the figures. The
 * regions come a hundred at a time: the chart and the tables show those loaded, and «Vis flere» adds the
 * next hundred; the county's figures and the fences are always over every region.
 */
export function EqualTreatmentPage() {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  return (
    <Page title={t('followUpRollup.equal.title')}>
      <Paragraph>{t('followUpRollup.equal.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleEqualTreatment cycleId={cycle.id} />
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

function CycleEqualTreatment({ cycleId }: { cycleId: string }) {
  const view = useEqualTreatment(cycleId);
  return (
    <QueryState query={view.list}>
      {() => {
        const first = view.pages[0];
        return first ? (
          <EqualTreatmentView
            view={first}
            regions={view.items}
            columns={columnsOf(view.pages)}
            paged={view}
          />
        ) : null;
      }}
    </QueryState>
  );
}

/** A subject area or department with the cells of every region loaded, in the order of the regions. */
type Column = { id: string; name: string; cells: (ColumnCell | undefined)[] };

/**
 * The columns of the pages loaded, each page's cells after the page before's (a page's cells are its
 * regions'). A column that a page lacks, having had nothing in it when that page was read, has no figure
 * for that page's regions.
 */
function columnsOf(pages: readonly EqualTreatment[]): { subjectAreas: Column[]; departments: Column[] } {
  const join = (of: (page: EqualTreatment) => EqualTreatment['subjectAreas']): Column[] => {
    const columns = new Map<string, Column>();
    let before = 0;
    for (const page of pages) {
      for (const c of of(page))
        if (!columns.has(c.id))
          columns.set(c.id, {
            id: c.id,
            name: c.name,
            cells: Array.from({ length: before }, () => undefined),
          });
      for (const column of columns.values()) {
        const cells = of(page).find((c) => c.id === column.id)?.cells ?? [];
        column.cells.push(...page.items.map((_, i) => cells[i]));
      }
      before += page.items.length;
    }
    return [...columns.values()];
  };
  return { subjectAreas: join((p) => p.subjectAreas), departments: join((p) => p.departments) };
}

function useNumbers() {
  const locale = currentLocale();
  const whole = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  return { whole: (n: number) => whole.format(n), one: (n: number) => one.format(n) };
}

function OutlierTag({ outlier }: { outlier: Outlier }) {
  const { t } = useTranslation();
  if (!outlier) return null;
  return (
    <Tag data-color={outlier === 'high' ? 'warning' : 'info'} data-size="sm">
      {t(outlier === 'high' ? 'followUpRollup.equal.outlierHigh' : 'followUpRollup.equal.outlierLow')}
    </Tag>
  );
}

function EqualTreatmentView({
  view,
  regions,
  columns,
  paged,
}: {
  view: EqualTreatment;
  regions: readonly EqualTreatmentRegion[];
  columns: { subjectAreas: Column[]; departments: Column[] };
  paged: PagedList;
}) {
  const { t } = useTranslation();
  const n = useNumbers();
  const locale = currentLocale();
  const perInhabitant = (c: RegionCell) =>
    c.kronerPerInhabitant === null ? t('followUpRollup.equal.unknown') : n.whole(c.kronerPerInhabitant);
  const max = Math.max(
    1,
    ...regions.map((r) => r.total.kronerPerInhabitant ?? 0),
    view.kronerFences?.high ?? 0,
  );
  return (
    <div className="stack">
      <Paragraph data-size="sm">
        {t('followUpRollup.equal.date', { date: formatDate(view.date, locale) })}
      </Paragraph>
      <Card data-color="neutral">
        <Heading level={2} data-size="sm">
          {t('followUpRollup.county')}
        </Heading>
        <div className="rollup-figures">
          <p className="rollup-figure">
            {t('followUpRollup.equal.inhabitants')}{' '}
            <strong>
              {view.county.inhabitants === null
                ? t('followUpRollup.equal.unknown')
                : n.whole(view.county.inhabitants)}
            </strong>
          </p>
          <p className="rollup-figure">
            {t('followUpRollup.equal.commitments')} <strong>{n.whole(view.county.commitments)}</strong>
          </p>
          <p className="rollup-figure">
            {t('followUpRollup.equal.kroner')} <strong>{n.whole(view.county.kroner)}</strong>
          </p>
          <p className="rollup-figure">
            {t('followUpRollup.equal.perInhabitant')}{' '}
            <strong>
              {view.county.kronerPerInhabitant === null
                ? t('followUpRollup.equal.unknown')
                : n.whole(view.county.kronerPerInhabitant)}
            </strong>
          </p>
        </div>
      </Card>

      <ListCount
        count={t('followUpRollup.equal.shown', { count: view.count, shown: regions.length })}
        more={t('followUpRollup.more')}
        paged={paged}
      />

      <Heading level={2} data-size="sm">
        {t('followUpRollup.equal.chart')}
      </Heading>
      <BarChart
        title={t('followUpRollup.equal.chart')}
        alt={t('followUpRollup.chartAlt')}
        max={max}
        bars={regions.map((r) => ({
          label: r.name,
          value: r.total.kronerPerInhabitant,
          text:
            r.total.kronerOutlier === null
              ? perInhabitant(r.total)
              : `${perInhabitant(r.total)} (${t(`followUpRollup.equal.${r.total.kronerOutlier}`)})`,
          mark: r.total.kronerOutlier ?? undefined,
        }))}
        lines={
          view.kronerFences
            ? [
                { value: view.kronerFences.median, label: 'Q2' },
                ...(view.kronerFences.high > 0 ? [{ value: view.kronerFences.high, label: '↑' }] : []),
              ]
            : []
        }
      />
      <Paragraph data-size="sm">
        {view.kronerFences
          ? t('followUpRollup.equal.fences', {
              low: n.whole(Math.max(0, view.kronerFences.low)),
              high: n.whole(view.kronerFences.high),
            })
          : t('followUpRollup.equal.fewRegions')}
      </Paragraph>

      <ScrollRegion label={t('followUpRollup.equal.title')}>
        <Table zebra data-size="sm">
          <caption>{t('followUpRollup.equal.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('followUpRollup.equal.region')}</Table.HeaderCell>
              <Table.HeaderCell className="rollup-numeric">
                {t('followUpRollup.equal.inhabitants')}
              </Table.HeaderCell>
              <Table.HeaderCell className="rollup-numeric">
                {t('followUpRollup.equal.commitments')}
              </Table.HeaderCell>
              <Table.HeaderCell className="rollup-numeric">
                {t('followUpRollup.equal.kroner')}
              </Table.HeaderCell>
              <Table.HeaderCell className="rollup-numeric">
                {t('followUpRollup.equal.perInhabitant')}
              </Table.HeaderCell>
              <Table.HeaderCell className="rollup-numeric">
                {t('followUpRollup.equal.per10k')}
              </Table.HeaderCell>
              <Table.HeaderCell className="rollup-numeric">{t('followUpRollup.equal.own')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {regions.map((r) => (
              <Table.Row key={r.id}>
                <Table.HeaderCell scope="row">
                  {r.name}
                  {r.shared.length > 0 && (
                    <Paragraph data-size="xs">
                      {t('followUpRollup.equal.shared', { names: r.shared.join(', ') })}
                    </Paragraph>
                  )}
                  {r.withoutCount.length > 0 && (
                    <Paragraph data-size="xs">
                      {t('followUpRollup.equal.withoutCount', { names: r.withoutCount.join(', ') })}
                    </Paragraph>
                  )}
                  {r.members === 0 && (
                    <Paragraph data-size="xs">{t('followUpRollup.equal.noMembers')}</Paragraph>
                  )}
                </Table.HeaderCell>
                <Table.Cell className="rollup-numeric">
                  {r.inhabitants === null ? t('followUpRollup.equal.unknown') : n.whole(r.inhabitants)}
                </Table.Cell>
                <Table.Cell className="rollup-numeric">{n.whole(r.total.commitments)}</Table.Cell>
                <Table.Cell className="rollup-numeric">{n.whole(r.total.kroner)}</Table.Cell>
                <Table.Cell className="rollup-numeric">
                  {perInhabitant(r.total)} <OutlierTag outlier={r.total.kronerOutlier} />
                </Table.Cell>
                <Table.Cell className="rollup-numeric">
                  {r.total.commitmentsPer10k === null
                    ? t('followUpRollup.equal.unknown')
                    : n.one(r.total.commitmentsPer10k)}{' '}
                  <OutlierTag outlier={r.total.commitmentsOutlier} />
                </Table.Cell>
                <Table.Cell className="rollup-numeric">
                  {n.whole(r.ownCommitments)} / {n.whole(r.ownKroner)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>

      <LoadMore paged={paged} />

      <ColumnTable
        title={t('followUpRollup.equal.bySubjectArea')}
        regions={regions}
        columns={columns.subjectAreas}
      />
      <ColumnTable
        title={t('followUpRollup.equal.byDepartment')}
        regions={regions}
        columns={columns.departments}
      />

      <details>
        <summary>{t('followUpRollup.equal.rules.title')}</summary>
        <div className="stack">
          <Paragraph data-size="sm">{t('followUpRollup.equal.rules.inhabitants')}</Paragraph>
          <Paragraph data-size="sm">{t('followUpRollup.equal.rules.kroner')}</Paragraph>
          <Paragraph data-size="sm">{t('followUpRollup.equal.rules.outliers')}</Paragraph>
        </div>
      </details>
    </div>
  );
}

/**
 * Kroner per inhabitant with the regions as rows and the subject areas (or departments) as columns; a
 * column's cells are in the order of the regions.
 */
function ColumnTable({
  title,
  regions,
  columns,
}: {
  title: string;
  regions: readonly EqualTreatmentRegion[];
  columns: readonly Column[];
}) {
  const { t } = useTranslation();
  const n = useNumbers();
  if (columns.length === 0) return null;
  return (
    <>
      <ScrollRegion label={title}>
        <Table zebra data-size="sm">
          <caption>{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('followUpRollup.equal.region')}</Table.HeaderCell>
              {columns.map((c) => (
                <Table.HeaderCell key={c.id} className="rollup-numeric">
                  {c.name}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {regions.map((r, index) => (
              <Table.Row key={r.id}>
                <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
                {columns.map((c) => {
                  const cell = c.cells[index];
                  return (
                    <Table.Cell key={c.id} className="rollup-numeric">
                      {cell?.kronerPerInhabitant === null || cell === undefined
                        ? t('followUpRollup.equal.unknown')
                        : n.whole(cell.kronerPerInhabitant)}{' '}
                      <OutlierTag outlier={cell?.kronerOutlier ?? null} />
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </>
  );
}
