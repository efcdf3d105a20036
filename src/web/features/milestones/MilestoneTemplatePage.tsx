import {
  Button,
  Card,
  Checkbox,
  Heading,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CreateMilestoneTemplateItemInput,
  type EvidenceKind,
  evidenceKinds,
  type MilestoneStage,
  type MilestoneTemplate,
  type MilestoneTemplateItem,
  milestoneStages,
  UpdateMilestoneTemplateItemInput,
} from '../../../shared/contracts/milestones';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { useCurrentCycle } from '../../shared/current-cycle';
import { MoveError, OrderedRowActions, useOrderedMoves } from '../../shared/ordered-list-editor';
import { type FormFields, useForm } from '../../shared/use-form';
import {
  useApplyTemplate,
  useCreateTemplateItem,
  useDeleteTemplateItem,
  useMilestoneTemplate,
  useUpdateTemplateItem,
} from './milestones.api';
import './milestones.css';

/**
 * "Milepæler" (coordinator): the current cycle's milestone template, the checklist every agreement of the
 * cycle gets. Added, renamed, moved up and down with buttons (the keyboard reorders as easily as a mouse),
 * marked optional and deleted; new agreements get it at once, and "Oppdater avtalene" brings the
 * agreements under way in line, saying how many are behind.
 */
export function MilestoneTemplatePage() {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  return (
    <Page title={t('milestones.template.title')}>
      <Paragraph>
        <Link to="/avtaler">{t('milestones.template.back')}</Link>
      </Paragraph>
      <Paragraph>{t('milestones.template.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleTemplate cycleId={cycle.id} cycleName={cycle.name} />
          ) : (
            <Card>
              <Paragraph>{t('milestones.template.noCycle')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}

type Editing = { kind: 'create' } | { kind: 'edit'; item: MilestoneTemplateItem };

function CycleTemplate({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const { t } = useTranslation();
  const template = useMilestoneTemplate(cycleId);
  const update = useUpdateTemplateItem();
  const remove = useDeleteTemplateItem();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<MilestoneTemplateItem | null>(null);
  const [applying, setApplying] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { move, moveError } = useOrderedMoves<MilestoneTemplateItem>(
    'milestones.template',
    (item, position) => update.mutateAsync({ id: item.id, position, version: item.version }),
    setNotice,
  );

  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Heading level={2} data-size="sm">
          {t('milestones.template.inCycle', { cycle: cycleName })}
        </Heading>
        <Button onClick={() => setEditing({ kind: 'create' })}>{t('milestones.template.create')}</Button>
      </div>
      <Notice text={notice} />
      <MoveError error={moveError} />
      <QueryState query={template}>
        {(data) => (
          <>
            <Agreements data={data} onApply={() => setApplying(true)} />
            {data.items.length === 0 ? (
              <Card>
                <Paragraph>{t('milestones.template.empty')}</Paragraph>
              </Card>
            ) : (
              <div className="table-wrap">
                <Table aria-label={t('milestones.template.tableLabel', { cycle: cycleName })} zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('milestones.template.columns.position')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('milestones.template.columns.name')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('milestones.template.columns.stage')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('milestones.template.columns.evidence')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('milestones.template.columns.actions')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.items.map((item, i) => (
                      <Table.Row key={item.id}>
                        <Table.Cell>{i + 1}</Table.Cell>
                        <Table.Cell>
                          <span className="row milestones-tags">
                            {item.name}
                            {item.optional && (
                              <Tag data-color="neutral" variant="outline" data-size="sm">
                                {t('milestones.list.optional')}
                              </Tag>
                            )}
                          </span>
                        </Table.Cell>
                        <Table.Cell>{t(`milestones.stage.${item.stage}`)}</Table.Cell>
                        <Table.Cell>
                          {item.evidence === null
                            ? t('milestones.template.byHand')
                            : t(`milestones.evidence.${item.evidence}`)}
                        </Table.Cell>
                        <Table.Cell>
                          <OrderedRowActions
                            prefix="milestones.template"
                            item={item}
                            index={i}
                            count={data.items.length}
                            pending={update.isPending}
                            onMove={move}
                            onEdit={() => setEditing({ kind: 'edit', item })}
                            onDelete={setDeleting}
                          />
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </>
        )}
      </QueryState>
      <ModalDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.kind === 'edit'
            ? t('milestones.template.editTitle', { name: editing.item.name })
            : t('milestones.template.createTitle')
        }
      >
        {editing?.kind === 'create' && (
          <CreateForm
            cycleId={cycleId}
            onCancel={() => setEditing(null)}
            onSaved={(name) => {
              setEditing(null);
              setNotice(t('milestones.template.created', { name }));
            }}
          />
        )}
        {editing?.kind === 'edit' && (
          <EditForm
            item={editing.item}
            onCancel={() => setEditing(null)}
            onSaved={(name) => {
              setEditing(null);
              setNotice(t('milestones.template.saved', { name }));
            }}
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('milestones.template.deleteTitle', { name: deleting?.name ?? '' })}
        body={t('milestones.template.deleteBody')}
        confirmLabel={t('milestones.template.delete')}
        danger
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync({ id: deleting.id, version: deleting.version });
          setNotice(t('milestones.template.deleted', { name: deleting.name }));
          setDeleting(null);
        }}
      />
      <ApplyDialog
        cycleId={cycleId}
        open={applying}
        onClose={() => setApplying(false)}
        onDone={(text) => {
          setApplying(false);
          setNotice(text);
        }}
      />
    </>
  );
}

/** How many of the cycle's agreements follow the template, and the way to bring the others in line. */
function Agreements({ data, onApply }: { data: MilestoneTemplate; onApply: () => void }) {
  const { t } = useTranslation();
  if (data.agreements === 0) return <Paragraph>{t('milestones.template.noAgreements')}</Paragraph>;
  return (
    <div className="row" style={{ alignItems: 'center' }}>
      <Paragraph>
        {data.agreementsBehind === 0
          ? t('milestones.template.upToDate', { count: data.agreements })
          : t('milestones.template.behind', { count: data.agreementsBehind, total: data.agreements })}
      </Paragraph>
      {data.agreementsBehind > 0 && (
        <Button variant="secondary" onClick={onApply}>
          {t('milestones.template.apply')}
        </Button>
      )}
    </div>
  );
}

function ApplyDialog({
  cycleId,
  open,
  onClose,
  onDone,
}: {
  cycleId: string;
  open: boolean;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const apply = useApplyTemplate(cycleId);
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t('milestones.template.applyTitle')}
      body={t('milestones.template.applyBody')}
      confirmLabel={t('milestones.template.apply')}
      onConfirm={async () => {
        const result = await apply.mutateAsync(undefined);
        onDone(
          result.agreements === 0
            ? t('milestones.template.appliedNothing')
            : t('milestones.template.applied', { ...result, count: result.agreements }),
        );
      }}
    />
  );
}

type ItemValues = {
  name: string;
  stage: MilestoneStage | '';
  evidence: EvidenceKind | null;
  optional: boolean;
};

function ItemFields({ form }: { form: FormFields<ItemValues> & { set(k: 'optional', v: boolean): void } }) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield label={t('milestones.template.name')} {...form.field('name')} autoComplete="off" />
      <SelectField
        label={t('milestones.template.stage')}
        {...form.field('stage', (v) => v as MilestoneStage)}
      >
        <Select.Option value="">{t('milestones.template.chooseStage')}</Select.Option>
        {milestoneStages.map((s) => (
          <Select.Option key={s} value={s}>
            {t(`milestones.stage.${s}`)}
          </Select.Option>
        ))}
      </SelectField>
      <SelectField
        label={t('milestones.template.evidence')}
        description={t('milestones.template.evidenceHelp')}
        {...form.field('evidence', (v) => (v ? (v as EvidenceKind) : null))}
      >
        <Select.Option value="">{t('milestones.template.evidenceNone')}</Select.Option>
        {evidenceKinds.map((k) => (
          <Select.Option key={k} value={k}>
            {t(`milestones.evidence.${k}`)}
          </Select.Option>
        ))}
      </SelectField>
      <Checkbox
        label={t('milestones.template.optional')}
        description={t('milestones.template.optionalHelp')}
        checked={form.values.optional}
        onChange={(e) => form.set('optional', e.target.checked)}
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
  const create = useCreateTemplateItem(cycleId);
  const form = useForm(CreateMilestoneTemplateItemInput, {
    name: '',
    stage: '' as MilestoneStage | '',
    evidence: null as EvidenceKind | null,
    optional: false,
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const item = await create.mutateAsync(data);
        onSaved(item.name);
      })}
    >
      <Paragraph>{t('milestones.template.createIntro')}</Paragraph>
      <FormError summary={form.summary} error={form.formError} />
      <ItemFields form={form} />
      <DialogButtons
        submitting={form.submitting}
        submit={t('milestones.template.createSubmit')}
        onCancel={onCancel}
      />
    </form>
  );
}

function EditForm({
  item,
  onCancel,
  onSaved,
}: {
  item: MilestoneTemplateItem;
  onCancel: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateTemplateItem();
  const { conflict, guard, clear } = useConflict();
  const form = useForm(UpdateMilestoneTemplateItemInput, {
    name: item.name,
    stage: item.stage as MilestoneStage | '',
    evidence: item.evidence,
    optional: item.optional,
    version: item.version,
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        clear();
        const saved = await guard(update.mutateAsync({ id: item.id, ...data }));
        onSaved(saved.name);
      })}
    >
      <Paragraph>{t('milestones.template.editIntro')}</Paragraph>
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        conflictText={t('milestones.template.stale')}
      />
      <ItemFields form={form} />
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
