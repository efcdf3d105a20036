import { Alert, Button, Card, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SilentRegionsReminded } from '../../../shared/contracts/hearings';
import { hearingPath } from '../../../shared/contracts/paths';
import type { SilentHearing } from '../../../shared/contracts/tasks';
import { ApiError } from '../../shared/api';
import { Notice } from '../../shared/components/Notice';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useRemindSilentRegions } from './my-tasks.api';

const names = (regions: readonly { regionName: string }[]) => regions.map((r) => r.regionName).join(', ');

/** The open hearings some invited regions have not answered, each with the button that reminds them. */
export function SilentHearings({ hearings }: { hearings: readonly SilentHearing[] }) {
  const { t } = useTranslation();
  return (
    <Card className="stack" data-color={hearings.length > 0 ? 'accent' : 'neutral'}>
      <Heading level={2} data-size="sm">
        {t('start.inbox.silentTitle', { count: hearings.length })}
      </Heading>
      {hearings.length === 0 ? (
        <Paragraph>{t('start.inbox.silentNone')}</Paragraph>
      ) : (
        <List.Unordered>
          {hearings.map((h) => (
            <SilentHearingItem key={h.hearingId} hearing={h} />
          ))}
        </List.Unordered>
      )}
    </Card>
  );
}

function SilentHearingItem({ hearing }: { hearing: SilentHearing }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const remind = useRemindSilentRegions(hearing.hearingId);
  const [result, setResult] = useState<SilentRegionsReminded | null>(null);
  const reminded = hearing.silentRegions.filter((r) => r.reminded);
  return (
    // Not a heading: a link in a card's heading makes the whole card a click on it (Designsystemet's Card).
    <List.Item className="stack">
      <Paragraph>
        <Link to={hearingPath(hearing.hearingId)}>
          {t('start.inbox.silentHearing', {
            kind: t(`hearings.kind.${hearing.kind}`),
            number: hearing.versionNumber,
            deadline: formatShortDate(hearing.deadline, locale),
          })}
        </Link>
      </Paragraph>
      <Paragraph>
        {t('start.inbox.silentRegions', {
          count: hearing.silentRegions.length,
          total: hearing.invitedRegions,
          names: names(hearing.silentRegions),
        })}
      </Paragraph>
      {reminded.length > 0 && (
        <Paragraph>
          {t('start.inbox.remindedEarlier', { count: reminded.length, names: names(reminded) })}
        </Paragraph>
      )}
      <div>
        <Button
          variant="secondary"
          data-size="sm"
          loading={remind.isPending}
          onClick={() => {
            setResult(null);
            remind.mutate(undefined, { onSuccess: setResult });
          }}
        >
          {t('start.inbox.remind')}
        </Button>
      </div>
      {remind.error && (
        <Alert data-color="danger">
          {remind.error instanceof ApiError ? remind.error.problem.title : t('start.inbox.remindFailed')}
        </Alert>
      )}
      {result && (
        <Notice
          text={reminderText(t, result)}
          mail={{ outcome: result.mail, unreached: result.withoutContact.map((r) => r.name) }}
          outbox
        />
      )}
    </List.Item>
  );
}

/** What the press did, truthfully: whom it reminded now, and who had been reminded before. */
function reminderText(
  t: (key: string, options?: Record<string, unknown>) => string,
  r: SilentRegionsReminded,
) {
  const now = r.remindedNow.map((x) => x.name).join(', ');
  const before = r.remindedBefore.map((x) => x.name).join(', ');
  const parts = [
    r.remindedNow.length > 0
      ? t('start.inbox.remindedNow', { count: r.remindedNow.length, names: now })
      : t('start.inbox.remindedNobody'),
  ];
  if (r.remindedBefore.length > 0) {
    parts.push(t('start.inbox.remindedBefore', { count: r.remindedBefore.length, names: before }));
  }
  return parts.join(' ');
}
