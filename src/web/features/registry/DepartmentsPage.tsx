import { Alert, Button, Card, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/contracts/registry';
import { ApiError } from '../../shared/api';
import { ListCount } from '../../shared/components/ListCount';
import { ModalDialog } from '../../shared/components/ModalDialog';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useSort } from '../../shared/use-sort';
import { CreateDepartmentForm, RenameDepartmentForm } from './DepartmentForms';
import { useDepartments, useUpdateDepartment } from './departments.api';

const sortKeys = ['name', 'active'] as const;

/** The county's departments: each owns its part of every special part and follows up its commitments. */
export function DepartmentsPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const update = useUpdateDepartment();
  const sort = useSort(sortKeys, 'name');
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Department | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ text: string; stale: boolean } | null>(null);

  const toggle = async (d: Department) => {
    setProblem(null);
    setNotice(null);
    try {
      const saved = await update.mutateAsync({ id: d.id, active: !d.active, version: d.version });
      setNotice(
        t(saved.active ? 'registry.departments.activated' : 'registry.departments.deactivated', {
          name: saved.name,
        }),
      );
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409;
      setProblem({
        text: e instanceof ApiError && e.problem.title ? e.problem.title : t('errors.internal'),
        stale,
      });
    }
  };

  return (
    <Page
      title={t('registry.departments.title')}
      actions={
        canEdit && <Button onClick={() => setCreating(true)}>{t('registry.departments.create')}</Button>
      }
    >
      <Paragraph>{t('registry.departments.intro')}</Paragraph>
      <Notice text={notice} />
      {problem && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{problem.stale ? t('registry.conflict') : problem.text}</Paragraph>
          {problem.stale && (
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => {
                setProblem(null);
                void departments.refetch();
              }}
            >
              {t('common.reload')}
            </Button>
          )}
        </Alert>
      )}
      <QueryState query={departments}>
        {(items) =>
          items.length === 0 ? (
            <Card data-color="neutral">
              <Paragraph>{t('registry.departments.empty')}</Paragraph>
              {canEdit && <Paragraph>{t('registry.departments.emptyAdmin')}</Paragraph>}
            </Card>
          ) : (
            <>
              <ListCount count={t('registry.departments.count', { count: items.length })} />
              <div className="table-wrap">
                <Table aria-label={t('registry.departments.title')} zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell {...sort.header('name')}>
                        {t('registry.departments.name')}
                      </Table.HeaderCell>
                      <Table.HeaderCell {...sort.header('active')}>
                        {t('registry.departments.status')}
                      </Table.HeaderCell>
                      {canEdit && <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {sort
                      .sorted(items, (d, key) => (key === 'active' ? (d.active ? 0 : 1) : d.name))
                      .map((d) => (
                        <Table.Row key={d.id}>
                          <Table.Cell>{d.name}</Table.Cell>
                          <Table.Cell>
                            <Tag data-color={d.active ? 'success' : 'neutral'}>
                              {d.active
                                ? t('registry.departments.active')
                                : t('registry.departments.inactive')}
                            </Tag>
                          </Table.Cell>
                          {canEdit && (
                            <Table.Cell>
                              <div className="registry-actions">
                                <Button
                                  variant="secondary"
                                  data-size="sm"
                                  aria-label={t('registry.departments.renameLabel', { name: d.name })}
                                  onClick={() => setRenaming(d)}
                                >
                                  {t('registry.departments.rename')}
                                </Button>
                                <Button
                                  variant="tertiary"
                                  data-size="sm"
                                  aria-label={t(
                                    d.active
                                      ? 'registry.departments.deactivateLabel'
                                      : 'registry.departments.activateLabel',
                                    { name: d.name },
                                  )}
                                  onClick={() => void toggle(d)}
                                >
                                  {d.active
                                    ? t('registry.departments.deactivate')
                                    : t('registry.departments.activate')}
                                </Button>
                              </div>
                            </Table.Cell>
                          )}
                        </Table.Row>
                      ))}
                  </Table.Body>
                </Table>
              </div>
            </>
          )
        }
      </QueryState>
      {canEdit && (
        <>
          <ModalDialog
            open={creating}
            onClose={() => setCreating(false)}
            title={t('registry.departments.createTitle')}
          >
            <CreateDepartmentForm
              onCancel={() => setCreating(false)}
              onSaved={(d) => {
                setCreating(false);
                setNotice(t('registry.departments.created', { name: d.name }));
              }}
            />
          </ModalDialog>
          <ModalDialog
            open={renaming !== null}
            onClose={() => setRenaming(null)}
            title={t('registry.departments.renameTitle', { name: renaming?.name })}
          >
            {renaming && (
              <RenameDepartmentForm
                department={renaming}
                onCancel={() => setRenaming(null)}
                onSaved={(d) => {
                  setRenaming(null);
                  setNotice(t('registry.departments.renamed', { name: d.name }));
                }}
              />
            )}
          </ModalDialog>
        </>
      )}
    </Page>
  );
}
