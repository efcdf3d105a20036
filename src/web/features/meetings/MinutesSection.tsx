import { Button, Heading, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/contracts/meetings';
import {
  emptyRichText,
  type RichTextDoc,
  RichTextInput,
  sameRichText,
} from '../../../shared/contracts/rich-text';
import { ApiError } from '../../shared/api';
import { FormError, useConflict } from '../../shared/components/FormError';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { RichText } from '../../shared/rich-text/RichText';
import { RichTextEditor } from '../../shared/rich-text/RichTextEditor';
import { useUnsavedChanges } from '../../shared/unsaved-changes';
import { useReloadMeeting, useWriteMinutes } from './meetings.api';

/**
 * The minutes: written by who manages the meeting once it is held, and still while they are out for
 * comment (the comments are answered in them); read by everyone else, and by everyone once approved.
 */
export function MinutesSection({
  meeting,
  onNotice,
}: {
  meeting: Meeting;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const writable = meeting.canManage && (meeting.state === 'held' || meeting.state === 'minutes_for_comment');
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('meetings.minutes.heading')}
      </Heading>
      {meeting.minutesUpdatedAt && (
        <Paragraph data-size="sm" className="muted">
          {t('meetings.minutes.updated', {
            name: meeting.minutesUpdatedBy?.name ?? '',
            time: formatDateTime(meeting.minutesUpdatedAt, currentLocale()),
          })}
        </Paragraph>
      )}
      {writable ? (
        <MinutesEditor meeting={meeting} onNotice={onNotice} />
      ) : meeting.minutes ? (
        <RichText doc={meeting.minutes} headingOffset={1} />
      ) : (
        <Paragraph>{t('meetings.minutes.notWritten')}</Paragraph>
      )}
    </section>
  );
}

function MinutesEditor({ meeting, onNotice }: { meeting: Meeting; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  const helpId = useId();
  const errorId = useId();
  const write = useWriteMinutes();
  const reload = useReloadMeeting();
  const saved = meeting.minutes ?? emptyRichText();
  const [doc, setDoc] = useState<RichTextDoc>(saved);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const conflict = useConflict();
  const dirty = !sameRichText(doc, saved);
  const { whileSaving } = useUnsavedChanges(dirty);
  const save = async () => {
    setError(null);
    setFieldError(null);
    const checked = RichTextInput.safeParse(doc);
    if (!checked.success) {
      setFieldError(t(checked.error.issues[0]?.message ?? 'validation.invalid'));
      return;
    }
    try {
      await whileSaving(() =>
        conflict.guard(write.mutateAsync({ id: meeting.id, minutes: doc, version: meeting.version })),
      );
      onNotice(t('meetings.minutes.saved'));
    } catch (e) {
      const fields = e instanceof ApiError ? Object.values(e.fieldErrors()) : [];
      setError(
        e instanceof ApiError
          ? fields.join(' ') || e.problem.title || t('errors.internal')
          : t('errors.internal'),
      );
    }
  };
  return (
    <div className="stack">
      <FormError
        error={error}
        conflict={conflict.conflict}
        conflictText={t('meetings.minutes.conflict')}
        onReload={async () => {
          const fresh = await reload(meeting.id);
          conflict.clear();
          setError(null);
          setDoc(fresh.minutes ?? emptyRichText());
          setRevision((r) => r + 1);
        }}
        reloadLabel={t('meetings.minutes.reload')}
      />
      <Label asChild>
        <span id={labelId}>{t('meetings.minutes.label')}</span>
      </Label>
      <Paragraph data-size="sm" className="muted" id={helpId}>
        {t('meetings.minutes.help')}
      </Paragraph>
      <RichTextEditor
        key={`${meeting.id}-${revision}`}
        content={doc}
        onChange={setDoc}
        labelId={labelId}
        toolbarLabel={t('meetings.minutes.toolbar')}
        describedBy={fieldError ? `${helpId} ${errorId}` : helpId}
        invalid={Boolean(fieldError)}
      />
      {fieldError && <ValidationMessage id={errorId}>{fieldError}</ValidationMessage>}
      <div>
        <Button onClick={() => void save()} disabled={write.isPending}>
          {write.isPending ? t('common.saving') : t('meetings.minutes.save')}
        </Button>
      </div>
    </div>
  );
}
