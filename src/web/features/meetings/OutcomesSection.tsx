import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contributionsPath } from '../../../shared/contracts/contributions';
import type { Meeting, Outcome, OutcomeKind } from '../../../shared/contracts/meetings';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { specialPartPath } from '../special-part';
import { useDeleteOutcome, useMarkOutcomeDone } from './meetings.api';
import { OutcomeDialog } from './OutcomeDialog';

const kindColour = { information: 'info', decision: 'accent', action: 'warning' } as const satisfies Record<
  OutcomeKind,
  string
>;

/**
 * What the meeting led to: information, decisions and actions, each action with its owner, due date and
 * what it changed; who manages the meeting records and changes them until the minutes are approved, and an
 * action's owner marks it done.
 */
export function OutcomesSection({
  meeting,
  onNotice,
}: {
  meeting: Meeting;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState<Outcome | 'new' | null>(null);
  const [removing, setRemoving] = useState<Outcome | null>(null);
  const remove = useDeleteOutcome();
  const markDone = useMarkOutcomeDone();
  const open = meeting.canManage && (meeting.state === 'held' || meeting.state === 'minutes_for_comment');
  const locale = currentLocale();
  const regionOf = (agreementId: string) =>
    meeting.agreements.find((a) => a.id === agreementId)?.region.name ?? '';
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('meetings.outcomes.heading')}
      </Heading>
      {meeting.outcomes.length === 0 ? (
        <Paragraph>{t('meetings.outcomes.empty')}</Paragraph>
      ) : (
        <ul className="meetings-outcomes">
          {meeting.outcomes.map((o) => (
            <li key={o.id} className="meetings-outcome">
              <article className="stack stack--tight" aria-label={o.text}>
                <div className="row">
                  <Tag data-color={kindColour[o.kind]}>{t(`meetings.outcomeKind.${o.kind}`)}</Tag>
                  {o.kind === 'action' && (
                    <Tag data-color={o.doneAt ? 'success' : 'neutral'}>
                      {o.doneAt ? t('meetings.outcomes.done') : t('meetings.outcomes.open')}
                    </Tag>
                  )}
                </div>
                <Paragraph>{o.text}</Paragraph>
                {o.kind === 'action' && (
                  <Paragraph data-size="sm" className="muted">
                    {t('meetings.outcomes.ownerAndDue', {
                      owner:
                        o.owner?.type === 'person' ? o.owner.person.name : (o.owner?.department.name ?? ''),
                      due: o.dueDate ? formatShortDate(o.dueDate, locale) : '',
                    })}
                  </Paragraph>
                )}
                {o.link?.type === 'contribution' && (
                  <Paragraph data-size="sm">
                    {t('meetings.outcomes.changedContribution')}{' '}
                    <Link to={contributionsPath(o.link.contribution.agreementId, o.link.contribution.id)}>
                      {o.link.contribution.title}
                    </Link>
                  </Paragraph>
                )}
                {o.link?.type === 'section' && (
                  <Paragraph data-size="sm">
                    {t('meetings.outcomes.changedSection')}{' '}
                    <Link to={specialPartPath(o.link.agreementId)}>
                      {t('meetings.outcomes.sectionName', {
                        key: o.link.sectionKey,
                        region: regionOf(o.link.agreementId),
                      })}
                    </Link>
                  </Paragraph>
                )}
                <div className="row">
                  {o.canMarkDone && (
                    <Button
                      variant="secondary"
                      data-size="sm"
                      onClick={async () => {
                        await markDone.mutateAsync({ id: o.id, done: !o.doneAt, version: o.version });
                        onNotice(t(o.doneAt ? 'meetings.outcomes.reopened' : 'meetings.outcomes.markedDone'));
                      }}
                    >
                      {o.doneAt ? t('meetings.outcomes.reopen') : t('meetings.outcomes.markDone')}
                    </Button>
                  )}
                  {open && (
                    <>
                      <Button variant="tertiary" data-size="sm" onClick={() => setEditing(o)}>
                        {t('common.edit')}
                      </Button>
                      <Button variant="tertiary" data-size="sm" onClick={() => setRemoving(o)}>
                        {t('common.delete')}
                      </Button>
                    </>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div>
          <Button variant="secondary" onClick={() => setEditing('new')}>
            {t('meetings.outcomes.add')}
          </Button>
        </div>
      )}
      <OutcomeDialog
        meeting={meeting}
        outcome={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onDone={(message) => {
          setEditing(null);
          onNotice(message);
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('meetings.outcomes.removeTitle')}
        body={t('meetings.outcomes.removeBody', { text: removing?.text ?? '' })}
        confirmLabel={t('common.delete')}
        danger
        onConfirm={async () => {
          if (!removing) return;
          await remove.mutateAsync({ id: removing.id, version: removing.version });
          onNotice(t('meetings.outcomes.removed'));
        }}
      />
    </section>
  );
}
