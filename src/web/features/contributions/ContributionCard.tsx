import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contribution, ContributionStatus } from '../../../shared/contracts/contributions';
import { QueryState } from '../../shared/components/QueryState';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { CommentThread } from './CommentThread';
import { CopiedNotice } from './CopyDialog';
import { formatNok, ownerName } from './contribution-format';
import { useContribution } from './contributions.api';

const statusColour: Record<ContributionStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  proposed: 'neutral',
  discussed: 'info',
  agreed: 'success',
  dropped: 'warning',
};

export function StatusTag({ status }: { status: ContributionStatus }) {
  const { t } = useTranslation();
  return <Tag data-color={statusColour[status]}>{t(`contributions.status.${status}`)}</Tag>;
}

export type CardActions = {
  onEdit: (c: Contribution) => void;
  onStatus: (c: Contribution) => void;
  onDelete: (c: Contribution) => void;
  onMove: (c: Contribution, direction: 'up' | 'down') => void;
  /** Whether the caller may copy it to other regions (a department's item, by its editor or the admin). */
  mayCopy: (c: Contribution) => boolean;
  onCopy: (c: Contribution) => void;
};

/** The id of an item's move button, so focus can follow the item after it moved. */
export const moveButtonId = (id: string, direction: 'up' | 'down') => `bidrag-${direction}-${id}`;

/**
 * One contribution: title and status, owner, kind, budget, time frame, responsible, description and
 * indicators; the actions the caller may take; its status history and comments folded away.
 */
export function ContributionCard({
  contribution: c,
  headingLevel,
  first,
  last,
  actions,
  copies,
}: {
  contribution: Contribution;
  headingLevel: 3 | 4 | 5;
  first: boolean;
  last: boolean;
  actions: CardActions;
  /** The copies of it just made, to say so with links to them. */
  copies?: Contribution[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(false);
  return (
    <article className="contributions-card" id={`bidrag-${c.id}`} aria-labelledby={`bidrag-title-${c.id}`}>
      <div className="contributions-card-head">
        <Heading level={headingLevel} data-size="xs" id={`bidrag-title-${c.id}`}>
          {c.title}
        </Heading>
        <StatusTag status={c.status} />
      </div>
      <dl className="facts contributions-facts">
        <dt>{t('contributions.facts.owner')}</dt>
        <dd>{ownerName(t, c)}</dd>
        <dt>{t('contributions.facts.kind')}</dt>
        <dd>{t(`contributions.kind.${c.kind}`)}</dd>
        <dt>{t('contributions.facts.budget')}</dt>
        <dd>
          {c.budgetNokPerYear === null
            ? t('contributions.facts.noBudget')
            : formatNok(c.budgetNokPerYear, locale)}
        </dd>
        <dt>{t('contributions.facts.timeFrame')}</dt>
        <dd>{c.timeFrame ?? t('contributions.facts.notGiven')}</dd>
        {c.responsible && (
          <>
            <dt>{t('contributions.facts.responsible')}</dt>
            <dd>{c.responsible}</dd>
          </>
        )}
      </dl>
      {c.description && <Paragraph className="contributions-body">{c.description}</Paragraph>}
      {c.indicators.length > 0 && (
        <Table data-size="sm" className="contributions-indicators">
          <caption>{t('contributions.indicatorTable.caption', { title: c.title })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('contributions.indicatorTable.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('contributions.indicatorTable.baseline')}</Table.HeaderCell>
              <Table.HeaderCell>{t('contributions.indicatorTable.target')}</Table.HeaderCell>
              <Table.HeaderCell>{t('contributions.indicatorTable.unit')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {c.indicators.map((i, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: indicators have no identity but their place
              <Table.Row key={index}>
                <Table.Cell>{i.name}</Table.Cell>
                <Table.Cell>{i.baseline ?? ''}</Table.Cell>
                <Table.Cell>{i.target ?? ''}</Table.Cell>
                <Table.Cell>{i.unit ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {(c.canEdit || actions.mayCopy(c)) && (
        <div className="row contributions-actions">
          {c.canEdit && (
            <>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                onClick={() => actions.onEdit(c)}
                aria-label={t('contributions.actions.editLabel', { title: c.title })}
              >
                {t('contributions.actions.edit')}
              </Button>
              {c.statusChoices.length > 0 && (
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  onClick={() => actions.onStatus(c)}
                  aria-label={t('contributions.actions.changeStatusLabel', { title: c.title })}
                >
                  {t('contributions.actions.changeStatus')}
                </Button>
              )}
            </>
          )}
          {actions.mayCopy(c) && (
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => actions.onCopy(c)}
              aria-label={t('contributions.copy.actionLabel', { title: c.title })}
            >
              {t('contributions.copy.action')}
            </Button>
          )}
          {c.canEdit && (
            <>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                id={moveButtonId(c.id, 'up')}
                disabled={first}
                onClick={() => actions.onMove(c, 'up')}
                aria-label={t('contributions.actions.moveUpLabel', { title: c.title })}
              >
                ↑ {t('contributions.actions.moveUp')}
              </Button>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                id={moveButtonId(c.id, 'down')}
                disabled={last}
                onClick={() => actions.onMove(c, 'down')}
                aria-label={t('contributions.actions.moveDownLabel', { title: c.title })}
              >
                ↓ {t('contributions.actions.moveDown')}
              </Button>
              {c.status === 'proposed' && (
                <Button
                  type="button"
                  variant="tertiary"
                  data-color="danger"
                  data-size="sm"
                  onClick={() => actions.onDelete(c)}
                  aria-label={t('contributions.actions.deleteLabel', { title: c.title })}
                >
                  {t('contributions.actions.delete')}
                </Button>
              )}
            </>
          )}
        </div>
      )}
      {copies && <CopiedNotice copies={copies} />}
      <details className="contributions-fold" onToggle={(e) => setHistoryOpen(e.currentTarget.open)}>
        <summary>{t('contributions.history.title')}</summary>
        {historyOpen && <StatusHistory id={c.id} />}
      </details>
      <details className="contributions-fold" onToggle={(e) => setCommentsOpen(e.currentTarget.open)}>
        <summary>{t('contributions.comments.title', { count: c.commentCount })}</summary>
        {commentsOpen && <CommentThread contribution={c} />}
      </details>
    </article>
  );
}

function StatusHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const detail = useContribution(id);
  return (
    <QueryState query={detail}>
      {(d) => (
        <ol className="contributions-history">
          {d.statusHistory.map((h) => (
            <li key={`${h.changedAt}-${h.to}`}>
              <strong>
                {h.from
                  ? t('contributions.history.change', {
                      from: t(`contributions.status.${h.from}`),
                      to: t(`contributions.status.${h.to}`),
                    })
                  : t('contributions.history.first')}
              </strong>{' '}
              <span className="contributions-meta">
                {h.changedBy
                  ? t('contributions.history.by', {
                      name: h.changedBy.name,
                      time: formatDateTime(h.changedAt, locale),
                    })
                  : t('contributions.history.at', { time: formatDateTime(h.changedAt, locale) })}
              </span>
              <br />
              {h.reason}
            </li>
          ))}
        </ol>
      )}
    </QueryState>
  );
}
