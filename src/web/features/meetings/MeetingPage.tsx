import { Button } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { agreementPath } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import { meetingCalendarPath } from '../../../shared/contracts/calendar';
import type { Meeting, MeetingState } from '../../../shared/contracts/meetings';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { DetailState } from '../../shared/components/DetailState';
import { type MailReport, Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { formatDate, formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { AgendaSection } from './AgendaSection';
import { CommentsSection } from './CommentsSection';
import { MeetingDialog } from './MeetingDialog';
import { MeetingStateTag } from './MeetingStateTag';
import { MinutesSection } from './MinutesSection';
import { meetingWhen } from './meeting-format';
import { useChangeMeetingState, useMeeting } from './meetings.api';
import { OutcomesSection } from './OutcomesSection';
import { ParticipantsSection } from './ParticipantsSection';
import { RepresentationSection } from './RepresentationSection';

/** One meeting: its details and state, participants, agenda, minutes, outcomes and comments. */
export function MeetingPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  return (
    <DetailState
      query={meeting}
      back={{ to: '/moter', label: t('meetings.backToList') }}
      notFound={t('meetings.notFound')}
    >
      {(m) => <MeetingView meeting={m} me={me} />}
    </DetailState>
  );
}

function MeetingView({ meeting, me }: { meeting: Meeting; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [notice, setNotice] = useState<string | null>(null);
  // What became of the e-mail the last move queued (minutes for comment, a cancellation), as its answer said.
  const [mail, setMail] = useState<MailReport | null>(null);
  const say = (text: string) => {
    setMail(null);
    setNotice(text);
  };
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState<Exclude<MeetingState, 'planned'> | null>(null);
  const change = useChangeMeetingState();
  const editable = meeting.canManage && (meeting.state === 'planned' || meeting.state === 'held');
  const title = meeting.title;
  return (
    <Page title={title} actions={<MeetingStateTag state={meeting.state} />}>
      <Notice fromNavigation text={notice} mail={mail} outbox={me.role === 'admin'} />
      <dl className="facts">
        <dt>{t('meetings.facts.type')}</dt>
        <dd>{t(`meetings.type.${meeting.type}`)}</dd>
        <dt>{t('meetings.facts.when')}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{meetingWhen(meeting, locale)}</time>
        </dd>
        {meeting.place && (
          <>
            <dt>{t('meetings.facts.place')}</dt>
            <dd>{meeting.place}</dd>
          </>
        )}
        {meeting.videoLink && (
          <>
            <dt>{t('meetings.facts.videoLink')}</dt>
            <dd>
              <a href={meeting.videoLink}>{meeting.videoLink}</a>
            </dd>
          </>
        )}
        <dt>{t('meetings.facts.owner')}</dt>
        <dd>{meeting.ownerDepartment?.name ?? t('meetings.ownerCoordinator')}</dd>
        <dt>{t('meetings.facts.agreements')}</dt>
        <dd>
          {meeting.agreements.length === 0 ? (
            t('meetings.countyInternal')
          ) : (
            <ul className="meetings-inline-list">
              {meeting.agreements.map((a) => (
                <li key={a.id}>
                  <Link to={agreementPath(a.id)}>{a.region.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {meeting.registeredAfterwards ? (
          <>
            <dt>{t('meetings.facts.registration')}</dt>
            <dd>
              {t('meetings.facts.registeredAfterwards', {
                name: meeting.registeredAfterwards.by?.name ?? t('meetings.facts.system'),
                date: formatDate(meeting.registeredAfterwards.at, locale),
              })}
            </dd>
          </>
        ) : (
          meeting.createdBy && (
            <>
              <dt>{t('meetings.facts.plannedBy')}</dt>
              <dd>{meeting.createdBy.name}</dd>
            </>
          )
        )}
        {meeting.heldAt && (
          <>
            <dt>{t('meetings.facts.heldAt')}</dt>
            <dd>{formatDateTime(meeting.heldAt, locale)}</dd>
          </>
        )}
        {meeting.minutesSentAt && (
          <>
            <dt>{t('meetings.facts.minutesSentAt')}</dt>
            <dd>{formatDateTime(meeting.minutesSentAt, locale)}</dd>
          </>
        )}
        {meeting.minutesApprovedAt && (
          <>
            <dt>{t('meetings.facts.minutesApprovedAt')}</dt>
            <dd>{formatDateTime(meeting.minutesApprovedAt, locale)}</dd>
          </>
        )}
        {meeting.cancelledAt && (
          <>
            <dt>{t('meetings.facts.cancelledAt')}</dt>
            <dd>{formatDateTime(meeting.cancelledAt, locale)}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={meetingCalendarPath(meeting.id)} download>
          {t('meetings.downloadIcs')}
        </a>
      </p>
      {(editable || meeting.stateChoices.length > 0) && (
        <div className="row">
          {editable && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('meetings.edit')}
            </Button>
          )}
          {meeting.stateChoices.map((state) => (
            <Button
              key={state}
              variant={state === 'cancelled' ? 'secondary' : 'primary'}
              data-color={state === 'cancelled' ? 'danger' : undefined}
              onClick={() => state !== 'planned' && setMoving(state)}
            >
              {t(`meetings.move.${state}.button`)}
            </Button>
          ))}
        </div>
      )}
      <ParticipantsSection meeting={meeting} onNotice={say} />
      {meeting.representation && <RepresentationSection representation={meeting.representation} />}
      <AgendaSection meeting={meeting} onNotice={say} />
      {meeting.state !== 'planned' && meeting.state !== 'cancelled' && (
        <>
          <MinutesSection meeting={meeting} onNotice={say} />
          <OutcomesSection meeting={meeting} onNotice={say} />
        </>
      )}
      {(meeting.comments.length > 0 || meeting.state === 'minutes_for_comment') && (
        <CommentsSection meeting={meeting} onNotice={say} />
      )}
      <MeetingDialog
        me={me}
        cycleId={meeting.cycleId}
        meeting={meeting}
        open={editing}
        onClose={() => setEditing(false)}
        onDone={(saved) => {
          setEditing(false);
          say(t('meetings.saved', { title: saved.title }));
        }}
      />
      <ConfirmDialog
        open={moving !== null}
        onClose={() => setMoving(null)}
        title={moving ? t(`meetings.move.${moving}.title`, { title }) : ''}
        body={moving ? t(`meetings.move.${moving}.body`) : ''}
        confirmLabel={moving ? t(`meetings.move.${moving}.button`) : ''}
        danger={moving === 'cancelled'}
        onConfirm={async () => {
          if (!moving) return;
          const moved = await change.mutateAsync({ id: meeting.id, state: moving, version: meeting.version });
          const mails = moving === 'minutes_for_comment' || moving === 'cancelled';
          setNotice(t(`meetings.move.${moving}.done`, { title }));
          setMail(mails ? { outcome: moved.mail } : null);
        }}
      />
    </Page>
  );
}
