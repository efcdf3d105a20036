import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMeetingCommentInput, type Meeting } from '../../../shared/contracts/meetings';
import { FormError } from '../../shared/components/FormError';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useForm } from '../../shared/use-form';
import { useAddMeetingComment } from './meetings.api';

/** The comments on the minutes, oldest first, and a form for one while the minutes are out for comment. */
export function CommentsSection({
  meeting,
  onNotice,
}: {
  meeting: Meeting;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const locale = currentLocale();
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('meetings.comments.heading', { count: meeting.comments.length })}
      </Heading>
      {meeting.comments.length === 0 ? (
        <Paragraph>{t('meetings.comments.empty')}</Paragraph>
      ) : (
        <ul className="meetings-comments">
          {meeting.comments.map((c) => (
            <li key={c.id}>
              <article
                className="meetings-comment"
                aria-label={t('meetings.comments.by', { name: c.author.name })}
              >
                <Paragraph data-size="sm" className="muted">
                  {t('meetings.comments.meta', {
                    name: c.author.name,
                    time: formatDateTime(c.createdAt, locale),
                  })}
                </Paragraph>
                <Paragraph className="meetings-comment-body">{c.body}</Paragraph>
              </article>
            </li>
          ))}
        </ul>
      )}
      {meeting.canComment && <CommentForm meetingId={meeting.id} onNotice={onNotice} />}
    </section>
  );
}

function CommentForm({ meetingId, onNotice }: { meetingId: string; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const add = useAddMeetingComment();
  const form = useForm(CreateMeetingCommentInput, { body: '' });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        await add.mutateAsync({ meetingId, body: data.body });
        form.reset({ body: '' });
        onNotice(t('meetings.comments.sent'));
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={['body']} />
      <Textfield label={t('meetings.comments.label')} multiline rows={3} {...form.field('body')} />
      <div>
        <Button type="submit" disabled={form.submitting}>
          {t('meetings.comments.send')}
        </Button>
      </div>
    </form>
  );
}
