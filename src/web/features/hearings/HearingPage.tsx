import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import type { Hearing } from '../../../shared/contracts/hearings';
import { DetailState } from '../../shared/components/DetailState';
import { type MailReport, Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { formatDate, formatDateTime, formatShortDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { VersionDownloads } from '../general-part';
import { deadlineStatus, deadlineText } from './deadline';
import { HearingActions } from './HearingActions';
import { HearingInputs } from './HearingInputs';
import { HearingStateTag } from './HearingStateTag';
import { useHearing, useHearingOverview } from './hearings.api';
import { InvitedRegions } from './InvitedRegions';

/** One hearing: its cover letter, deadline, version and invited regions, and the input given to it. */
export function HearingPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const hearing = useHearing(id);
  return (
    <DetailState
      query={hearing}
      back={{ to: '/horinger', label: t('hearings.backToList') }}
      notFound={t('hearings.hearing.notFound')}
    >
      {(h) => <HearingView hearing={h} me={me} />}
    </DetailState>
  );
}

function HearingView({ hearing, me }: { hearing: Hearing; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isAdmin = me.role === 'admin';
  const closed = hearing.state === 'closed';
  // A region contact's own input while the hearing is open is one form, whole; the rest is read page by page.
  const overview = useHearingOverview(hearing.id, {}, !(me.role === 'region' && hearing.state === 'open'));
  // The summary is for county staff at any time; for the regions once every input may be seen.
  const seesSummary = isAdmin || me.role === 'viewer' || (me.role === 'region' && closed);
  const answers = isAdmin || me.role === 'department';
  const [notice, setNotice] = useState<{ text: string; mail?: MailReport } | null>(null);
  const say = (text: string, mail?: MailReport) => setNotice({ text, mail });

  return (
    <Page
      title={t('hearings.hearing.title', {
        kind: t(`hearings.kind.${hearing.kind}`),
        number: hearing.versionNumber,
      })}
      actions={<HearingStateTag state={hearing.state} />}
    >
      <Notice fromNavigation text={notice?.text} mail={notice?.mail} outbox={isAdmin} />
      <dl className="facts">
        <dt>{t('hearings.hearing.deadline')}</dt>
        <dd>
          <time dateTime={hearing.deadline}>{formatShortDate(hearing.deadline, locale)}</time> (
          {deadlineText(t, deadlineStatus(hearing, todayInOslo()), locale)})
        </dd>
        <dt>{t('hearings.hearing.version')}</dt>
        <dd>
          <Link to={`/general-part/versions/${hearing.versionId}`}>
            {t('hearings.hearing.versionLink', { number: hearing.versionNumber })}
          </Link>
          <VersionDownloads versionId={hearing.versionId} number={hearing.versionNumber} />
        </dd>
        <dt>{t('hearings.hearing.cycle')}</dt>
        <dd>{hearing.cycleName}</dd>
        <dt>{t('hearings.hearing.opened')}</dt>
        <dd>
          {hearing.registeredAfterwards
            ? formatDate(hearing.openedAt, locale)
            : hearing.openedBy
              ? t('hearings.hearing.openedBy', {
                  name: hearing.openedBy.name,
                  time: formatDateTime(hearing.openedAt, locale),
                })
              : formatDateTime(hearing.openedAt, locale)}
        </dd>
        {hearing.registeredAfterwards && (
          <>
            <dt>{t('hearings.hearing.registration')}</dt>
            <dd>
              {t('hearings.hearing.registeredAfterwards', {
                name: hearing.registeredAfterwards.by?.name ?? t('hearings.hearing.system'),
                date: formatDate(hearing.registeredAfterwards.at, locale),
              })}
            </dd>
          </>
        )}
        {hearing.closedAt && (
          <>
            <dt>{t('hearings.hearing.closed')}</dt>
            <dd>
              {hearing.closedBy
                ? t('hearings.hearing.closedBy', {
                    name: hearing.closedBy.name,
                    time: formatDateTime(hearing.closedAt, locale),
                  })
                : formatDateTime(hearing.closedAt, locale)}
            </dd>
          </>
        )}
      </dl>
      <div className="row">
        {answers && closed && (
          <Button asChild variant={isAdmin ? 'primary' : 'secondary'}>
            <Link to={`/horinger/${hearing.id}/dispositions`}>{t('hearings.hearing.toDispositions')}</Link>
          </Button>
        )}
        {seesSummary && (
          <Button asChild variant="secondary">
            <Link to={`/horinger/${hearing.id}/summary`}>{t('hearings.hearing.toSummary')}</Link>
          </Button>
        )}
        {isAdmin && <HearingActions hearing={hearing} onNotice={say} />}
      </div>
      <section aria-labelledby="cover-letter" className="stack hearings-tight">
        <Heading level={2} data-size="sm" id="cover-letter">
          {t('hearings.hearing.coverLetter')}
        </Heading>
        <Paragraph className="hearings-letter">{hearing.coverLetter}</Paragraph>
      </section>
      <QueryState query={overview.list}>
        {({ pages: [first] }) =>
          first && (
            <>
              <InvitedRegions hearing={hearing} tallies={first.regions} me={me} />
              <HearingInputs hearing={hearing} first={first} overview={overview} me={me} onNotice={say} />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
