import { Alert, Button, Card, Paragraph } from '@digdir/designsystemet-react';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementPath } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import { contributionStatuses } from '../../../shared/contracts/contributions';
import { type Matrix, type MatrixCell, matrixCellCounts } from '../../../shared/contracts/matrix';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { useCurrentCycle } from '../../shared/current-cycle';
import { useUrlFilters } from '../../shared/url-state';
import { MatrixCellDialog, type OpenCell } from './MatrixCellDialog';
import { exportHref, type MatrixFilters, useMatrix } from './matrix.api';
import { shortRegionName } from './region-names';

const filterKeys = ['subjectArea', 'status'] as const;

/**
 * "Matrise": the coordinator's main tool. The departments (rows) × the regions with an agreement
 * (columns) of the cycle chosen in the top bar; each cell counts that department's contributions to that
 * region by status and says "nothing yet" where there are none; the region's own items are the last row.
 * Filters (in the address) narrow the counts and the export; a cell opens its contributions. What a cell
 * lets the reader do is said for their role (a viewer only reads).
 */
export function MatrixPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  const filters = useUrlFilters(filterKeys);
  return (
    <Page title={t('matrix.title')}>
      <Paragraph>
        {t('matrix.intro')} {t(`matrix.howTo.${me.role}`)}
      </Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleMatrix
              me={me}
              cycleId={cycle.id}
              filters={filters.values}
              setFilter={filters.set}
              clearFilters={filters.any ? filters.clear : null}
            />
          ) : (
            <Card>
              <Paragraph>{t('matrix.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}

function CycleMatrix({
  me,
  cycleId,
  filters,
  setFilter,
  clearFilters,
}: {
  me: Me;
  cycleId: string;
  filters: MatrixFilters;
  setFilter: (key: (typeof filterKeys)[number], value: string) => void;
  /** Set while a filter is in the address. */
  clearFilters: (() => void) | null;
}) {
  const { t } = useTranslation();
  const matrix = useMatrix(cycleId, filters);
  const [open, setOpen] = useState<OpenCell | null>(null);
  // A link with a subject area of another cycle (the cycle was changed in the top bar) is refused.
  if (matrix.isError && clearFilters) {
    return (
      <Alert data-color="warning">
        <Paragraph>{t('matrix.filterFailed')}</Paragraph>
        <Button variant="secondary" onClick={clearFilters}>
          {t('matrix.clearFilters')}
        </Button>
      </Alert>
    );
  }
  return (
    <QueryState query={matrix}>
      {(m) => (
        <>
          <search className="matrix-toolbar" aria-label={t('matrix.filters.label')}>
            <SelectField
              label={t('matrix.filters.subjectArea')}
              value={filters.subjectArea}
              onChange={(v) => setFilter('subjectArea', v)}
            >
              <option value="">{t('matrix.filters.all')}</option>
              {m.subjectAreas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('matrix.filters.status')}
              value={filters.status}
              onChange={(v) => setFilter('status', v)}
            >
              <option value="">{t('matrix.filters.all')}</option>
              {contributionStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`contributions.status.${s}`)}
                </option>
              ))}
            </SelectField>
            <div className="row matrix-toolbar__export">
              <Button variant="secondary" asChild>
                <a href={exportHref(cycleId, filters, 'csv')} download>
                  {t('matrix.export.csv')}
                </a>
              </Button>
              <Button variant="secondary" asChild>
                <a href={exportHref(cycleId, filters, 'xlsx')} download>
                  {t('matrix.export.xlsx')}
                </a>
              </Button>
            </div>
          </search>
          {m.regions.length === 0 ? (
            <Card>
              <Paragraph>{t('matrix.noAgreements')}</Paragraph>
            </Card>
          ) : (
            <>
              <Legend />
              <Paragraph data-size="sm" className="muted">
                {t('matrix.totalsExplain')} {t('matrix.keys')}
              </Paragraph>
              <MatrixTable
                matrix={m}
                own={me.role === 'department' ? me.departmentId : null}
                onOpen={setOpen}
              />
              <Unanswered matrix={m} />
            </>
          )}
          <MatrixCellDialog me={me} cell={open} filters={filters} onClose={() => setOpen(null)} />
        </>
      )}
    </QueryState>
  );
}

/** What the letters in the cells stand for: the status is written, never told by colour alone. */
function Legend() {
  const { t } = useTranslation();
  return (
    <dl className="matrix-legend" aria-label={t('matrix.legend')}>
      {contributionStatuses.map((s) => (
        <div key={s}>
          <dt>
            <span className="matrix-count" data-status={s}>
              {t(`matrix.short.${s}`)}
            </span>
          </dt>
          <dd>{t(`contributions.status.${s}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The matrix as a table, and as one keyboard stop: the ARIA grid pattern. Only one cell's button is in the
 * tab order (a roving tabindex, first the first cell); the arrow keys move between the cells, Home and End
 * to the row's first and last, Ctrl+Home and Ctrl+End to the grid's, and Enter or Space opens the cell. Each
 * cell's accessible name says whose row, which region and the counts. The last column and the last row count
 * each row's and each column's contributions and its gaps: in how many regions a department has nothing, and
 * how many departments a region has nothing from. The columns show short region names (the full name is
 * the header's accessible name and its tooltip), so that the demo's twelve fit on a laptop. A department
 * editor's own department is the first row, marked as theirs.
 */
function MatrixTable({
  matrix,
  own,
  onOpen,
}: {
  matrix: Matrix;
  own: string | null | undefined;
  onOpen: (cell: OpenCell) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  // A row names its department by id only; the name and whether it is inactive come from `departments`.
  const departments = new Map(matrix.departments.map((d) => [d.id, d]));
  const named = matrix.rows.map((row) => {
    const department = row.departmentId === null ? undefined : departments.get(row.departmentId);
    return {
      ...row,
      name: row.departmentId === null ? t('matrix.regionRow') : (department?.name ?? ''),
      inactive: department !== undefined && !department.active,
      own: Boolean(own) && row.departmentId === own,
    };
  });
  const rows = [...named.filter((r) => r.own), ...named.filter((r) => !r.own)];
  const totalOf = (cell: MatrixCell | undefined) => (cell ? matrixCellCounts(cell).total : 0);
  const regionCount = matrix.regions.length;
  // A region lacks a department where the department's cell is empty; the region's own row is no department.
  const departmentRows = rows.filter((r) => r.departmentId !== null);
  const columns = matrix.regions.map((region, j) => ({
    region,
    contributions: rows.reduce((sum, r) => sum + totalOf(r.cells[j]), 0),
    departmentsWithout: departmentRows.filter((r) => totalOf(r.cells[j]) === 0).length,
  }));
  const everything = columns.reduce((sum, c) => sum + c.contributions, 0);
  return (
    // The table scrolls both ways inside its frame, with the region names, the department names and the
    // totals kept in view; the keyboard reaches it through its one focusable cell.
    <section className="matrix-scroll" aria-labelledby={captionId}>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA data grid pattern is a table with role grid, its cells moved between by keys */}
      <table className="matrix" role="grid" aria-labelledby={captionId} onKeyDown={moveInGrid}>
        <caption id={captionId}>
          <span className="matrix__caption">
            {t('matrix.caption', {
              cycle: matrix.cycle.name,
              departments: matrix.departments.length,
              regions: regionCount,
            })}
          </span>
        </caption>
        <thead>
          <tr>
            <td className="matrix__corner" />
            {matrix.regions.map((r) => (
              <th key={r.agreementId} scope="col">
                <span aria-hidden="true" title={r.name}>
                  {shortRegionName(r.name)}
                </span>
                <span className="visually-hidden">{r.name}</span>
              </th>
            ))}
            <th scope="col" className="matrix__total">
              {t('matrix.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const contributions = row.cells.reduce((sum, c) => sum + totalOf(c), 0);
            const regionsWithout = matrix.regions.filter((_, j) => totalOf(row.cells[j]) === 0).length;
            return (
              <tr
                key={row.departmentId ?? 'region'}
                className={
                  row.departmentId === null ? 'matrix__region-row' : row.own ? 'matrix__own-row' : undefined
                }
              >
                <th scope="row">
                  {row.name}
                  {row.own && <span className="matrix__own"> {t('matrix.ownRow')}</span>}
                  {row.inactive && <span className="matrix__inactive"> {t('matrix.inactive')}</span>}
                </th>
                {matrix.regions.map((region, j) => (
                  <td key={region.agreementId}>
                    <CellButton
                      cell={row.cells[j]}
                      owner={row.name}
                      region={region.name}
                      position={[i, j]}
                      onOpen={() =>
                        onOpen({
                          departmentId: row.departmentId,
                          agreementId: region.agreementId,
                          ownerName: row.name,
                          regionName: region.name,
                          subjectAreas: matrix.subjectAreas,
                        })
                      }
                    />
                  </td>
                ))}
                <td
                  className="matrix__total"
                  aria-label={t('matrix.totals.rowLabel', {
                    owner: row.name,
                    contributions: t('matrix.totals.contributions', { count: contributions }),
                    without: t('matrix.totals.regionsWithout', { count: regionsWithout, of: regionCount }),
                  })}
                >
                  <span aria-hidden="true">
                    {t('matrix.totals.contributions', { count: contributions })}
                    <br />
                    <span className={regionsWithout > 0 ? 'matrix__gaps' : 'muted'}>
                      {t('matrix.totals.empty', { count: regionsWithout })}
                    </span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="matrix__total-row">
            <th scope="row">{t('matrix.total')}</th>
            {columns.map((c) => (
              <td
                key={c.region.agreementId}
                aria-label={t('matrix.totals.columnLabel', {
                  region: c.region.name,
                  contributions: t('matrix.totals.contributions', { count: c.contributions }),
                  without: t('matrix.totals.departmentsWithout', {
                    count: c.departmentsWithout,
                    of: departmentRows.length,
                  }),
                })}
              >
                <span aria-hidden="true">
                  {t('matrix.totals.contributions', { count: c.contributions })}
                  <br />
                  <span className={c.departmentsWithout > 0 ? 'matrix__gaps' : 'muted'}>
                    {t('matrix.totals.empty', { count: c.departmentsWithout })}
                  </span>
                </span>
              </td>
            ))}
            <td className="matrix__total">{t('matrix.totals.contributions', { count: everything })}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** The cells' buttons of a grid, found by their place (`data-row`, `data-col`). */
const cellAt = (grid: HTMLElement, row: number, col: number) =>
  grid.querySelector<HTMLButtonElement>(`button[data-row="${row}"][data-col="${col}"]`);

/**
 * The grid's keys: arrows to the next cell, Home and End within the row, with Ctrl to the grid's first and
 * last cell. The cell moved to becomes the grid's one tab stop. The tab stop is kept in the DOM rather than
 * in React state, so that moving does not render ten thousand cells again in a national matrix.
 */
function moveInGrid(e: KeyboardEvent<HTMLTableElement>) {
  const from = e.target as HTMLElement;
  if (!(from instanceof HTMLButtonElement) || from.dataset.row === undefined) return;
  const grid = e.currentTarget;
  const row = Number(from.dataset.row);
  const col = Number(from.dataset.col);
  // The body's rows and the regions' columns (the last header is the totals').
  const lastRow = grid.querySelectorAll('tbody tr').length - 1;
  const lastCol = grid.querySelectorAll('thead th[scope="col"]').length - 2;
  const targets: Record<string, [number, number] | undefined> = {
    ArrowRight: [row, Math.min(col + 1, lastCol)],
    ArrowLeft: [row, Math.max(col - 1, 0)],
    ArrowDown: [Math.min(row + 1, lastRow), col],
    ArrowUp: [Math.max(row - 1, 0), col],
    Home: e.ctrlKey ? [0, 0] : [row, 0],
    End: e.ctrlKey ? [lastRow, lastCol] : [row, lastCol],
  };
  const target = targets[e.key];
  if (!target) return;
  e.preventDefault();
  const next = cellAt(grid, target[0], target[1]);
  if (!next || next === from) return;
  from.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}

function CellButton({
  cell,
  owner,
  region,
  position,
  onOpen,
}: {
  cell: MatrixCell | undefined;
  owner: string;
  region: string;
  position: [number, number];
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const counts = matrixCellCounts(cell ?? [0, 0, 0, 0]);
  const said =
    counts.total === 0
      ? t('matrix.cellNothing')
      : contributionStatuses
          .filter((s) => counts[s] > 0)
          .map((s) => t('matrix.countOf', { count: counts[s], status: t(`contributions.status.${s}`) }))
          .join(', ');
  const [row, col] = position;
  return (
    <button
      type="button"
      className="matrix__cell"
      data-empty={counts.total === 0}
      data-row={row}
      data-col={col}
      // The grid's one tab stop: the first cell until the keys move it (moveInGrid), or a click does.
      tabIndex={row === 0 && col === 0 ? 0 : -1}
      aria-label={t('matrix.cellLabel', { owner, region, counts: said })}
      onClick={(e) => {
        const grid = e.currentTarget.closest('table');
        grid?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.setAttribute('tabindex', '-1');
        e.currentTarget.tabIndex = 0;
        onOpen();
      }}
    >
      {counts.total === 0 ? (
        <span className="matrix__nothing" aria-hidden="true">
          {t('matrix.nothingYet')}
        </span>
      ) : (
        contributionStatuses
          .filter((s) => counts[s] > 0)
          .map((s) => (
            <span key={s} className="matrix-count" data-status={s} aria-hidden="true">
              {counts[s]} {t(`matrix.short.${s}`)}
            </span>
          ))
      )}
    </button>
  );
}

/** Per region, the subject areas it wants that no department has answered yet. */
function Unanswered({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const names = new Map(matrix.subjectAreas.map((a) => [a.id, a.name]));
  const waiting = matrix.regions.filter((r) => r.unansweredSubjectAreaIds.length > 0);
  return (
    <section className="matrix-unanswered" aria-labelledby="matrix-unanswered-heading">
      <h2 id="matrix-unanswered-heading" className="ds-heading" data-size="xs">
        {t('matrix.unanswered.title')}
      </h2>
      <Paragraph data-size="sm">{t('matrix.unanswered.rule')}</Paragraph>
      {waiting.length === 0 ? (
        <Paragraph>{t('matrix.unanswered.none')}</Paragraph>
      ) : (
        <ul>
          {waiting.map((r) => (
            <li key={r.agreementId}>
              <Link to={`${agreementPath(r.agreementId)}/bidrag`}>{r.name}</Link>:{' '}
              {r.unansweredSubjectAreaIds.map((id) => names.get(id) ?? id).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
