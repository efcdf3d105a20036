import { Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import { contributionsPath } from '../../../shared/contracts/paths';
import type { CommentNotice, CommentTasks as Comments } from '../../../shared/contracts/tasks';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';

/**
 * The recent comments for the person: those that mention them, and for a department editor those others
 * wrote on the department's contributions. A department editor always sees both sections (an empty one says
 * so); others see the mentions only when there are some. Each comment links to its contribution and lands
 * on it.
 */
export function CommentTasks({ me, comments }: { me: Me; comments: Comments }) {
  const { t } = useTranslation();
  const department = me.role === 'department';
  return (
    <>
      {(department || comments.mentions.length > 0) && (
        <CommentSection
          title={t('start.inbox.mentionsTitle', { count: comments.mentions.length })}
          empty={t('start.inbox.mentionsNone')}
          items={comments.mentions}
        />
      )}
      {department && (
        <CommentSection
          title={t('start.inbox.onOwnTitle', {
            count: comments.onOwn.length,
            department: me.departmentName ?? '',
          })}
          empty={t('start.inbox.onOwnNone')}
          items={comments.onOwn}
        />
      )}
    </>
  );
}

function CommentSection({
  title,
  empty,
  items,
}: {
  title: string;
  empty: string;
  items: readonly CommentNotice[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card className="stack" data-color={items.length > 0 ? 'accent' : 'neutral'}>
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <List.Unordered>
          {items.map((c) => (
            <List.Item key={c.commentId}>
              <Link to={contributionsPath(c.agreementId, c.contributionId)}>
                {t('start.inbox.commentOn', { title: c.contributionTitle, region: c.regionName })}
              </Link>
              <br />
              {t('start.inbox.commentBy', { author: c.authorName, date: formatDate(c.createdAt, locale) })}{' '}
              <q>{c.excerpt}</q>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </Card>
  );
}
