import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementPath } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import type { MatrixSubjectArea } from '../../../shared/contracts/matrix';
import { ModalDialog } from '../../shared/components/ModalDialog';
import { Notice } from '../../shared/components/Notice';
import { QueryState } from '../../shared/components/QueryState';
import { useAgreement } from '../agreements';
// The contributions feature's own form and list query, reused so that a cell is edited exactly as on the
// agreement's page.
import { ContributionDialog, type ContributionTask, useContributions } from '../contributions';
import type { MatrixFilters } from './matrix.api';

/**
 * A cell the coordinator opened: whose row (a department, or null for the region's own), which region's
 * column and agreement, and the names its row and column show.
 */
export type OpenCell = {
  departmentId: string | null;
  agreementId: string;
  ownerName: string;
  regionName: string;
  subjectAreas: readonly MatrixSubjectArea[];
};

/**
 * Whether the signed-in person may add items for this owner in this region (the server decides again). A
 * region contact may in their own region's row: the cell's agreement says whose region it is.
 */
function maySubmit(me: Me, cell: OpenCell, regionId: string | undefined): boolean {
  if (me.role === 'admin') return true;
  if (me.role === 'department') return cell.departmentId !== null && cell.departmentId === me.departmentId;
  if (me.role === 'region')
    return cell.departmentId === null && regionId !== undefined && regionId === me.regionId;
  return false;
}

/**
 * One cell's contributions: the department's (or the region's own) items in that region's agreement, as
 * the matrix's filters select them, each editable where the person may edit it, and new ones added here.
 */
export function MatrixCellDialog({
  me,
  cell,
  filters,
  onClose,
}: {
  me: Me;
  cell: OpenCell | null;
  filters: MatrixFilters;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={cell !== null}
      onClose={onClose}
      title={cell ? t('matrix.cell.title', { owner: cell.ownerName, region: cell.regionName }) : ''}
    >
      {cell && <CellContributions me={me} cell={cell} filters={filters} />}
    </ModalDialog>
  );
}

function CellContributions({ me, cell, filters }: { me: Me; cell: OpenCell; filters: MatrixFilters }) {
  const { t } = useTranslation();
  const list = useContributions(cell.agreementId, { owner: cell.departmentId ?? 'region' });
  const agreement = useAgreement(cell.agreementId);
  const [task, setTask] = useState<ContributionTask | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const filtered = Boolean(filters.status || filters.subjectArea);
  return (
    <>
      <Notice text={notice} />
      <QueryState query={list}>
        {(data) => {
          const items = data.items.filter(
            (c) =>
              (!filters.status || c.status === filters.status) &&
              (!filters.subjectArea || c.subjectArea.id === filters.subjectArea),
          );
          return (
            <>
              {filtered && (
                <Paragraph data-size="sm">
                  {t('matrix.cell.filtered', { shown: items.length, all: data.items.length })}
                </Paragraph>
              )}
              {items.length === 0 ? (
                <Paragraph>{t('matrix.cell.empty')}</Paragraph>
              ) : (
                <div className="table-wrap">
                  <Table data-size="sm">
                    <caption className="visually-hidden">
                      {t('matrix.cell.title', { owner: cell.ownerName, region: cell.regionName })}
                    </caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell scope="col">{t('matrix.cell.columns.title')}</Table.HeaderCell>
                        <Table.HeaderCell scope="col">
                          {t('matrix.cell.columns.subjectArea')}
                        </Table.HeaderCell>
                        <Table.HeaderCell scope="col">{t('matrix.cell.columns.kind')}</Table.HeaderCell>
                        <Table.HeaderCell scope="col">{t('matrix.cell.columns.status')}</Table.HeaderCell>
                        <Table.HeaderCell scope="col">
                          <span className="visually-hidden">{t('matrix.cell.columns.actions')}</span>
                        </Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {items.map((c) => (
                        <Table.Row key={c.id}>
                          <Table.Cell>{c.title}</Table.Cell>
                          <Table.Cell>{c.subjectArea.name}</Table.Cell>
                          <Table.Cell>{t(`contributions.kind.${c.kind}`)}</Table.Cell>
                          <Table.Cell>
                            <span className="matrix-count" data-status={c.status}>
                              {t(`contributions.status.${c.status}`)}
                            </span>
                          </Table.Cell>
                          <Table.Cell>
                            {c.canEdit && (
                              <Button
                                variant="tertiary"
                                data-size="sm"
                                aria-label={t('matrix.cell.editLabel', { title: c.title })}
                                onClick={() => setTask({ mode: 'edit', contribution: c })}
                              >
                                {t('matrix.cell.edit')}
                              </Button>
                            )}
                          </Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </div>
              )}
              <div className="row">
                {maySubmit(me, cell, agreement.data?.region.id) && (
                  <Button
                    variant="secondary"
                    onClick={() =>
                      setTask({
                        mode: 'create',
                        subjectAreaId: filters.subjectArea || undefined,
                        departmentId: cell.departmentId ?? undefined,
                      })
                    }
                  >
                    {t('matrix.cell.add')}
                  </Button>
                )}
                {/* The agreement's Bidrag tab, filtered to this row's owner as the cell was. */}
                <Link
                  to={`${agreementPath(cell.agreementId)}/bidrag?${new URLSearchParams({ eier: cell.departmentId ?? 'region' })}`}
                >
                  {t('matrix.cell.openAgreement')}
                </Link>
              </div>
              <ContributionDialog
                me={me}
                agreementId={cell.agreementId}
                regionName={cell.regionName}
                subjectAreas={data.subjectAreas}
                task={task}
                onClose={() => setTask(null)}
                onDone={(message) => {
                  setTask(null);
                  setNotice(message);
                }}
              />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
