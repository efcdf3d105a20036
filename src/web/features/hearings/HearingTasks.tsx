import { Card, Heading, List } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import type { HearingSummary } from '../../../shared/contracts/hearings';
import { hearingPath } from '../../../shared/contracts/paths';
import { QueryState } from '../../shared/components/QueryState';
import { formatShortDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { deadlineStatus, deadlineText } from './deadline';
import { useHearings } from './hearings.api';

/**
 * The hearings part of "Mine oppgaver". A region contact: the open hearings their region is invited to,
 * with the days left and whether the region has given input. The coordinator: open hearings, and closed
 * ones with inputs still waiting for a disposition. Each item links to where the work is done; with
 * nothing to do, `none` is shown instead.
 */
export function HearingTasks({ me, none }: { me: Me; none: ReactNode }) {
  const hearings = useHearings({}, me.role === 'region' || me.role === 'admin');
  if (me.role !== 'region' && me.role !== 'admin') return <>{none}</>;
  return (
    <QueryState query={hearings}>
      {(items) => {
        const open = items.filter((h) => h.state === 'open');
        const waiting =
          me.role === 'admin' ? items.filter((h) => h.state === 'closed' && h.counts.unanswered > 0) : [];
        if (open.length === 0 && waiting.length === 0) return <>{none}</>;
        return (
          <>
            {open.length > 0 && <OpenHearings hearings={open} me={me} />}
            {waiting.length > 0 && <WaitingDispositions hearings={waiting} />}
          </>
        );
      }}
    </QueryState>
  );
}

function OpenHearings({ hearings, me }: { hearings: HearingSummary[]; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = todayInOslo();
  return (
    <Card className="stack hearings-tight" data-color="accent">
      <Heading level={2} data-size="sm">
        {t('hearings.tasks.openTitle', { count: hearings.length })}
      </Heading>
      <List.Unordered>
        {hearings.map((h) => (
          <List.Item key={h.id}>
            <Link to={hearingPath(h.id)}>
              {t('hearings.tasks.hearing', {
                kind: t(`hearings.kind.${h.kind}`),
                number: h.versionNumber,
                cycle: h.cycleName,
              })}
            </Link>
            <br />
            {t('hearings.tasks.deadline', {
              deadline: formatShortDate(h.deadline, locale),
              left: deadlineText(t, deadlineStatus(h, today), locale),
            })}{' '}
            {me.role === 'region'
              ? t(h.counts.inputs > 0 ? 'hearings.tasks.given' : 'hearings.tasks.notGiven', {
                  count: h.counts.inputs,
                })
              : t('hearings.tasks.answered', {
                  count: h.counts.regionsWithInput,
                  total: h.counts.invitedRegions,
                })}
          </List.Item>
        ))}
      </List.Unordered>
    </Card>
  );
}

function WaitingDispositions({ hearings }: { hearings: HearingSummary[] }) {
  const { t } = useTranslation();
  return (
    <Card className="stack hearings-tight" data-color="accent">
      <Heading level={2} data-size="sm">
        {t('hearings.tasks.waitingTitle')}
      </Heading>
      <List.Unordered>
        {hearings.map((h) => (
          <List.Item key={h.id}>
            <Link to={`/horinger/${h.id}/dispositions?status=unanswered`}>
              {t('hearings.tasks.waiting', {
                count: h.counts.unanswered,
                kind: t(`hearings.kindLower.${h.kind}`),
                number: h.versionNumber,
                cycle: h.cycleName,
              })}
            </Link>
          </List.Item>
        ))}
      </List.Unordered>
    </Card>
  );
}
