import { Button, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Comment,
  type Contribution,
  CreateCommentInput,
  maxMentions,
} from '../../../shared/contracts/contributions';
import { FormError } from '../../shared/components/FormError';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useForm } from '../../shared/use-form';
import { useAddComment, useComments, useMentionableUsers } from './contributions.api';

/**
 * A contribution's comments as threads (a reply under the comment it answers), a form for a new comment,
 * and a reply form under the comment being answered. Mentioned people are picked from the active users.
 */
export function CommentThread({ contribution }: { contribution: Contribution }) {
  const { t } = useTranslation();
  const comments = useComments(contribution.id);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  return (
    <div className="stack contributions-comments">
      <QueryState query={comments}>
        {(items) => {
          const children = new Map<string | null, Comment[]>();
          for (const c of items) {
            // A reply whose parent is not in the list (it cannot be) is shown at the top level.
            const parent = c.parentId && items.some((p) => p.id === c.parentId) ? c.parentId : null;
            children.set(parent, [...(children.get(parent) ?? []), c]);
          }
          const render = (parent: string | null) => {
            const level = children.get(parent) ?? [];
            if (level.length === 0) return null;
            return (
              <ul className="contributions-thread">
                {level.map((c) => (
                  <li key={c.id}>
                    <CommentView comment={c} onReply={() => setReplyTo(c.id)} replying={replyTo === c.id} />
                    {replyTo === c.id && (
                      <CommentForm
                        contributionId={contribution.id}
                        parent={c}
                        onDone={() => setReplyTo(null)}
                        onCancel={() => setReplyTo(null)}
                      />
                    )}
                    {render(c.id)}
                  </li>
                ))}
              </ul>
            );
          };
          return items.length === 0 ? (
            <Paragraph data-size="sm">{t('contributions.comments.empty')}</Paragraph>
          ) : (
            <section aria-label={t('contributions.comments.listLabel', { title: contribution.title })}>
              {render(null)}
            </section>
          );
        }}
      </QueryState>
      {replyTo === null && <CommentForm contributionId={contribution.id} parent={null} />}
    </div>
  );
}

function CommentView({
  comment,
  onReply,
  replying,
}: {
  comment: Comment;
  onReply: () => void;
  replying: boolean;
}) {
  const { t } = useTranslation();
  return (
    <article className="contributions-comment">
      <Paragraph data-size="sm" className="contributions-meta">
        {t('contributions.comments.meta', {
          name: comment.author.name,
          time: formatDateTime(comment.createdAt, currentLocale()),
        })}
      </Paragraph>
      <Paragraph className="contributions-body">{comment.body}</Paragraph>
      {comment.mentions.length > 0 && (
        <Paragraph data-size="sm" className="contributions-meta">
          {t('contributions.comments.mentions', { names: comment.mentions.map((m) => m.name).join(', ') })}
        </Paragraph>
      )}
      {!replying && (
        <Button
          type="button"
          variant="tertiary"
          data-size="sm"
          onClick={onReply}
          aria-label={t('contributions.comments.replyLabel', { name: comment.author.name })}
        >
          {t('contributions.comments.reply')}
        </Button>
      )}
    </article>
  );
}

function CommentForm({
  contributionId,
  parent,
  onDone,
  onCancel,
}: {
  contributionId: string;
  parent: Comment | null;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddComment(contributionId);
  const people = useMentionableUsers();
  const [pick, setPick] = useState('');
  const [sent, setSent] = useState(false);
  const form = useForm(CreateCommentInput, {
    body: '',
    parentId: parent?.id ?? null,
    mentionUserIds: [] as string[],
  });
  const chosen = form.values.mentionUserIds;
  const nameOf = (id: string) => people.data?.find((p) => p.id === id)?.name ?? id;
  const mention = () => {
    if (!pick || chosen.includes(pick)) return;
    form.set('mentionUserIds', [...chosen, pick]);
    const name = nameOf(pick);
    // The name is written into the text too, so readers see whom it speaks to.
    if (!form.values.body.includes(`@${name}`)) {
      form.set(
        'body',
        `${form.values.body}${form.values.body && !form.values.body.endsWith(' ') ? ' ' : ''}@${name} `,
      );
    }
    setPick('');
  };
  return (
    <form
      className="stack contributions-comment-form"
      noValidate
      onSubmit={form.submit(async (data) => {
        await add.mutateAsync(data);
        form.reset({ body: '', parentId: parent?.id ?? null, mentionUserIds: [] });
        setSent(true);
        onDone?.();
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={['body']} />
      <Textfield
        label={
          parent
            ? t('contributions.comments.replyBody', { name: parent.author.name })
            : t('contributions.comments.body')
        }
        multiline
        rows={3}
        {...form.field('body')}
        onChange={(e) => {
          setSent(false);
          form.set('body', e.target.value);
        }}
      />
      <div className="row">
        <SelectField
          label={t('contributions.comments.mentionPerson')}
          description={t('contributions.comments.mentionHelp')}
          value={pick}
          onChange={setPick}
          disabled={chosen.length >= maxMentions}
          error={form.errors.mentionUserIds}
        >
          <Select.Option value="">{t('contributions.comments.choosePerson')}</Select.Option>
          {(people.data ?? [])
            .filter((p) => !chosen.includes(p.id))
            .map((p) => (
              <Select.Option key={p.id} value={p.id}>
                {p.organisation ? `${p.name} (${p.organisation})` : p.name}
              </Select.Option>
            ))}
        </SelectField>
        <Button type="button" variant="secondary" onClick={mention} disabled={!pick}>
          {t('contributions.comments.addMention')}
        </Button>
      </div>
      {chosen.length > 0 && (
        <div>
          <Paragraph data-size="sm">{t('contributions.comments.mentioned')}</Paragraph>
          <ul className="contributions-mentions">
            {chosen.map((id, index) => (
              <li key={id}>
                {nameOf(id)}{' '}
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() =>
                    form.set(
                      'mentionUserIds',
                      chosen.filter((c) => c !== id),
                    )
                  }
                  aria-label={t('contributions.comments.removeMention', { name: nameOf(id) })}
                >
                  ✕
                </Button>
                {form.errors[`mentionUserIds.${index}`] && (
                  <span className="contributions-error"> {form.errors[`mentionUserIds.${index}`]}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {form.submitting
            ? t('common.saving')
            : parent
              ? t('contributions.comments.sendReply')
              : t('contributions.comments.send')}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('contributions.comments.cancelReply')}
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {sent && <Paragraph data-size="sm">{t('contributions.comments.sent')}</Paragraph>}
      </div>
    </form>
  );
}
