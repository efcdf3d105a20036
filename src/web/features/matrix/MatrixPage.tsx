import { Alert, Button, Card, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
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

const filterKeys = ['subjectArea', 'status'] as const;

/**
 * "Matrise": the coordinator's main tool. The departments (rows) × the regions with an agreement
 * (columns) of the cycle chosen in the top bar; each cell counts that department's contributions to that
 * region by status and says "nothing yet" where there are none; the region's own items are the last row.
 * Filters (in the address) narrow the counts and the export; a cell opens its contributions.
 */
export function MatrixPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  const filters = useUrlFilters(filterKeys);
  return (
    <Page title={t('matrix.title')}>
      <Paragraph>{t('matrix.intro')}</Paragraph>
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
 * The matrix as a table. A department editor's own department is the first row, marked as theirs (UX.md:
 * a department editor works from their department's part of the matrix).
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
  return (
    // The table scrolls both ways inside its frame, with the region names and department names kept in
    // view; the frame takes focus so it can be scrolled from the keyboard as well.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="matrix-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="matrix">
        <caption id={captionId}>
          {t('matrix.caption', {
            cycle: matrix.cycle.name,
            departments: matrix.departments.length,
            regions: matrix.regions.length,
          })}
        </caption>
        <thead>
          <tr>
            <td className="matrix__corner" />
            {matrix.regions.map((r) => (
              <th key={r.agreementId} scope="col">
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
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
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CellButton({ cell, onOpen }: { cell: MatrixCell | undefined; onOpen: () => void }) {
  const { t } = useTranslation();
  const counts = matrixCellCounts(cell ?? [0, 0, 0, 0]);
  return (
    <button type="button" className="matrix__cell" data-empty={counts.total === 0} onClick={onOpen}>
      {counts.total === 0 ? (
        <span className="matrix__nothing">{t('matrix.nothingYet')}</span>
      ) : (
        contributionStatuses
          .filter((s) => counts[s] > 0)
          .map((s) => (
            <span key={s} className="matrix-count" data-status={s}>
              <span aria-hidden="true">
                {counts[s]} {t(`matrix.short.${s}`)}
              </span>
              <span className="visually-hidden">
                {t('matrix.countOf', { count: counts[s], status: t(`contributions.status.${s}`) })}
              </span>
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
