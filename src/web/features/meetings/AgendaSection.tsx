import { Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type AgendaItem, CreateAgendaItemInput, type Meeting } from '../../../shared/contracts/meetings';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { useForm } from '../../shared/use-form';
import { durationText } from './meeting-format';
import {
  useAcceptAgendaItem,
  useAddAgendaItem,
  useDeleteAgendaItem,
  useMoveAgendaItem,
  useUpdateAgendaItem,
} from './meetings.api';

/** The minutes are typed as text and sent as a number; what is not a whole number is sent as is, and refused. */
const minutesOf = (text: string): number | string => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);
const AgendaFormValues = CreateAgendaItemInput.extend({
  durationMinutes: z.preprocess(
    (v) => (typeof v === 'string' ? minutesOf(v) : v),
    CreateAgendaItemInput.shape.durationMinutes,
  ),
});

/**
 * The agenda in order, with its length. Who manages a planned meeting adds, changes, reorders (by buttons)
 * and removes items and accepts a region's proposals; a region contact proposes items and withdraws its own
 * proposals. A proposed item says so in a tag.
 */
export function AgendaSection({ meeting, onNotice }: { meeting: Meeting; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState<AgendaItem | null>(null);
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  const accept = useAcceptAgendaItem();
  const move = useMoveAgendaItem();
  const remove = useDeleteAgendaItem();
  const total = meeting.agenda.reduce((sum, i) => sum + i.durationMinutes, 0);
  const planned = meeting.state === 'planned';
  const last = meeting.agenda.length - 1;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('meetings.agenda.heading')}
      </Heading>
      {meeting.agenda.length === 0 ? (
        <Paragraph>{t('meetings.agenda.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph className="muted">
            {t('meetings.agenda.total', { duration: durationText(total, t) })}
          </Paragraph>
          <ol className="meetings-agenda">
            {meeting.agenda.map((item, index) => (
              <li key={item.id} className="meetings-agenda-item">
                <div className="meetings-agenda-text">
                  <span className="meetings-agenda-title">{item.title}</span>{' '}
                  <span className="muted">({durationText(item.durationMinutes, t)})</span>{' '}
                  {item.proposed && (
                    <Tag data-color="warning">
                      {t('meetings.agenda.proposedBy', { name: item.proposedBy?.name ?? '' })}
                    </Tag>
                  )}
                </div>
                <div className="row">
                  {item.proposed && item.canEdit && (
                    <Button
                      data-size="sm"
                      aria-label={t('meetings.agenda.acceptLabel', { title: item.title })}
                      onClick={async () => {
                        await accept.mutateAsync({ id: item.id, version: item.version });
                        onNotice(t('meetings.agenda.accepted', { title: item.title }));
                      }}
                    >
                      {t('meetings.agenda.accept')}
                    </Button>
                  )}
                  {item.canEdit && (
                    <>
                      <Button
                        variant="secondary"
                        data-size="sm"
                        aria-disabled={index === 0 || undefined}
                        aria-label={t('meetings.agenda.moveUpLabel', { title: item.title })}
                        onClick={() =>
                          index > 0 && move.mutate({ id: item.id, direction: 'up', version: item.version })
                        }
                      >
                        {t('meetings.agenda.moveUp')}
                      </Button>
                      <Button
                        variant="secondary"
                        data-size="sm"
                        aria-disabled={index === last || undefined}
                        aria-label={t('meetings.agenda.moveDownLabel', { title: item.title })}
                        onClick={() =>
                          index < last &&
                          move.mutate({ id: item.id, direction: 'down', version: item.version })
                        }
                      >
                        {t('meetings.agenda.moveDown')}
                      </Button>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('meetings.agenda.editLabel', { title: item.title })}
                        onClick={() => setEditing(item)}
                      >
                        {t('common.edit')}
                      </Button>
                    </>
                  )}
                  {item.canDelete && (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t(
                        item.canEdit ? 'meetings.agenda.removeLabel' : 'meetings.agenda.withdrawLabel',
                        { title: item.title },
                      )}
                      onClick={() => setRemoving(item)}
                    >
                      {item.canEdit ? t('meetings.agenda.remove') : t('meetings.agenda.withdraw')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      {planned && (meeting.canManage || meeting.canPropose) && (
        <AddAgendaItem meeting={meeting} proposes={!meeting.canManage} onNotice={onNotice} />
      )}
      <ModalDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={t('meetings.agenda.editTitle')}
      >
        {editing && (
          <EditAgendaItem
            item={editing}
            onCancel={() => setEditing(null)}
            onDone={(title) => {
              setEditing(null);
              onNotice(t('meetings.agenda.saved', { title }));
            }}
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('meetings.agenda.removeTitle', { title: removing?.title ?? '' })}
        body={t('meetings.agenda.removeBody')}
        confirmLabel={removing?.canEdit ? t('meetings.agenda.remove') : t('meetings.agenda.withdraw')}
        danger
        onConfirm={async () => {
          if (!removing) return;
          await remove.mutateAsync({ id: removing.id, version: removing.version });
          onNotice(t('meetings.agenda.removed', { title: removing.title }));
        }}
      />
    </section>
  );
}

/** Adds an item last: on the agenda for who manages the meeting, proposed for a region contact. */
function AddAgendaItem({
  meeting,
  proposes,
  onNotice,
}: {
  meeting: Meeting;
  proposes: boolean;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const add = useAddAgendaItem();
  const headingId = useId();
  const form = useForm(AgendaFormValues, { title: '', durationMinutes: '' as number | string });
  return (
    <form
      className="stack meetings-add"
      aria-labelledby={headingId}
      noValidate
      onSubmit={form.submit(async (data) => {
        const item = await add.mutateAsync({ meetingId: meeting.id, ...data });
        form.reset({ title: '', durationMinutes: '' });
        onNotice(t(proposes ? 'meetings.agenda.proposed' : 'meetings.agenda.added', { title: item.title }));
      })}
    >
      <Heading level={3} data-size="xs" id={headingId}>
        {proposes ? t('meetings.agenda.proposeHeading') : t('meetings.agenda.addHeading')}
      </Heading>
      {proposes && <Paragraph data-size="sm">{t('meetings.agenda.proposeHelp')}</Paragraph>}
      <FormError
        summary={form.summary}
        error={form.formError}
        errors={form.errors}
        fields={['title', 'durationMinutes']}
      />
      <div className="row">
        <Textfield label={t('meetings.agenda.title')} {...form.field('title')} />
        <Textfield
          label={t('meetings.agenda.minutes')}
          inputMode="numeric"
          value={String(form.values.durationMinutes)}
          onChange={(e) => form.set('durationMinutes', e.target.value)}
          onBlur={() => form.blur('durationMinutes')}
          error={form.errors.durationMinutes}
        />
        <Button type="submit" disabled={form.submitting}>
          {proposes ? t('meetings.agenda.propose') : t('meetings.agenda.add')}
        </Button>
      </div>
    </form>
  );
}

function EditAgendaItem({
  item,
  onCancel,
  onDone,
}: {
  item: AgendaItem;
  onCancel: () => void;
  onDone: (title: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAgendaItem();
  const form = useForm(AgendaFormValues, {
    title: item.title,
    durationMinutes: item.durationMinutes as number | string,
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const saved = await update.mutateAsync({ id: item.id, ...data, version: item.version });
        onDone(saved.title);
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        errors={form.errors}
        fields={['title', 'durationMinutes']}
      />
      <Textfield label={t('meetings.agenda.title')} {...form.field('title')} />
      <Textfield
        label={t('meetings.agenda.minutes')}
        inputMode="numeric"
        value={String(form.values.durationMinutes)}
        onChange={(e) => form.set('durationMinutes', e.target.value)}
        onBlur={() => form.blur('durationMinutes')}
        error={form.errors.durationMinutes}
      />
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
