import { Button, Card, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CreateSubjectAreaInput,
  type SubjectArea,
  UpdateSubjectAreaInput,
} from '../../../shared/contracts/agreements';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { MoveError, OrderedRowActions, useOrderedMoves } from '../../shared/ordered-list-editor';
import { type FormFields, useForm } from '../../shared/use-form';
import {
  useCreateSubjectArea,
  useDeleteSubjectArea,
  useSubjectAreas,
  useUpdateSubjectArea,
} from './agreements.api';

/**
 * "Fagområder" (coordinator): the current cycle's subject areas in the order documents and the matrix use.
 * Added, renamed, moved up and down with buttons (so the order is changed with the keyboard as easily as
 * with a mouse) and deleted while nothing uses them.
 */
export function SubjectAreasPage() {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  return (
    <Page title={t('agreements.subjectAreas.title')}>
      <Paragraph>
        <Link to="/avtaler">{t('agreements.backToList')}</Link>
      </Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleSubjectAreas cycleId={cycle.id} cycleName={cycle.name} />
          ) : (
            <Card>
              <Paragraph>{t('agreements.list.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}

type Editing = { kind: 'create' } | { kind: 'edit'; area: SubjectArea };

function CycleSubjectAreas({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const { t } = useTranslation();
  const areas = useSubjectAreas(cycleId);
  const update = useUpdateSubjectArea();
  const remove = useDeleteSubjectArea();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<SubjectArea | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { move, moveError } = useOrderedMoves<SubjectArea>(
    'agreements.subjectAreas',
    (area, position) => update.mutateAsync({ id: area.id, position, version: area.version }),
    setNotice,
  );

  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Heading level={2} data-size="sm">
          {t('agreements.subjectAreas.inCycle', { cycle: cycleName })}
        </Heading>
        <Button onClick={() => setEditing({ kind: 'create' })}>{t('agreements.subjectAreas.create')}</Button>
      </div>
      <Notice text={notice} />
      <MoveError error={moveError} />
      <QueryState query={areas}>
        {(list) =>
          list.length === 0 ? (
            <Card>
              <Paragraph>{t('agreements.subjectAreas.empty')}</Paragraph>
            </Card>
          ) : (
            <div className="table-wrap">
              <Table aria-label={t('agreements.subjectAreas.tableLabel', { cycle: cycleName })} zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('agreements.subjectAreas.columns.position')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('agreements.subjectAreas.columns.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('agreements.subjectAreas.columns.description')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('agreements.subjectAreas.columns.actions')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.map((area, i) => (
                    <Table.Row key={area.id}>
                      <Table.Cell>{i + 1}</Table.Cell>
                      <Table.Cell>{area.name}</Table.Cell>
                      <Table.Cell>{area.description ?? ''}</Table.Cell>
                      <Table.Cell>
                        <OrderedRowActions
                          prefix="agreements.subjectAreas"
                          item={area}
                          index={i}
                          count={list.length}
                          pending={update.isPending}
                          onMove={move}
                          onEdit={() => setEditing({ kind: 'edit', area })}
                          onDelete={setDeleting}
                        />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )
        }
      </QueryState>
      <ModalDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.kind === 'edit'
            ? t('agreements.subjectAreas.editTitle', { name: editing.area.name })
            : t('agreements.subjectAreas.createTitle')
        }
      >
        {editing?.kind === 'create' && (
          <CreateForm
            cycleId={cycleId}
            onCancel={() => setEditing(null)}
            onSaved={(name) => {
              setEditing(null);
              setNotice(t('agreements.subjectAreas.created', { name }));
            }}
          />
        )}
        {editing?.kind === 'edit' && (
          <EditForm
            area={editing.area}
            onCancel={() => setEditing(null)}
            onSaved={(name) => {
              setEditing(null);
              setNotice(t('agreements.subjectAreas.saved', { name }));
            }}
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('agreements.subjectAreas.deleteTitle', { name: deleting?.name ?? '' })}
        body={t('agreements.subjectAreas.deleteBody')}
        confirmLabel={t('agreements.subjectAreas.delete')}
        danger
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync({ id: deleting.id, version: deleting.version });
          setNotice(t('agreements.subjectAreas.deleted', { name: deleting.name }));
          setDeleting(null);
        }}
      />
    </>
  );
}

type AreaForm = FormFields<{ name: string; description: string }>;

function AreaFields({ form }: { form: AreaForm }) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield label={t('agreements.subjectAreas.name')} {...form.field('name')} autoComplete="off" />
      <Textfield
        multiline
        rows={3}
        label={t('agreements.subjectAreas.description')}
        description={t('agreements.subjectAreas.descriptionHelp')}
        {...form.field('description')}
      />
    </>
  );
}

function CreateForm({
  cycleId,
  onCancel,
  onSaved,
}: {
  cycleId: string;
  onCancel: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSubjectArea(cycleId);
  const form = useForm(CreateSubjectAreaInput, { name: '', description: '' });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const area = await create.mutateAsync(data);
        onSaved(area.name);
      })}
    >
      <Paragraph>{t('agreements.subjectAreas.createIntro')}</Paragraph>
      <FormError summary={form.summary} error={form.formError} />
      <AreaFields form={form} />
      <DialogButtons
        submitting={form.submitting}
        submit={t('agreements.subjectAreas.createSubmit')}
        onCancel={onCancel}
      />
    </form>
  );
}

function EditForm({
  area,
  onCancel,
  onSaved,
}: {
  area: SubjectArea;
  onCancel: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateSubjectArea();
  const { conflict, guard, clear } = useConflict();
  const form = useForm(UpdateSubjectAreaInput, {
    name: area.name,
    description: area.description ?? '',
    version: area.version,
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        clear();
        const saved = await guard(update.mutateAsync({ id: area.id, ...data }));
        onSaved(saved.name);
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        conflictText={t('agreements.stale')}
      />
      <AreaFields form={form} />
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
