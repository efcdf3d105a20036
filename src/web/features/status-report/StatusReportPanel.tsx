import { Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDate } from '../../../shared/contracts/common';
import { todayInOslo } from '../../shared/format';
import { statusReportUrl } from './status-report.api';

/** A month back from today: what a report to the leadership usually covers. */
function monthAgo(today: string): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * "Statusrapport" on the agreements list, for the county's people: choose the day the report tells from,
 * then "Last ned DOCX" or "Last ned PDF" makes it. The downloads are plain links the browser saves (the
 * server sends an attachment), shown only while the day is one the server takes: a valid date, not after
 * today; otherwise the field says why, as the server would.
 */
export function StatusReportPanel({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const today = todayInOslo();
  const [since, setSince] = useState(() => monthAgo(today));
  const error = !IsoDate.safeParse(since).success
    ? t('validation.date')
    : since > today
      ? t('validation.sinceInFuture')
      : undefined;
  return (
    <Card>
      <Heading level={2} data-size="xs">
        {t('statusReport.heading')}
      </Heading>
      <Paragraph>{t('statusReport.intro')}</Paragraph>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <Textfield
          type="date"
          label={t('statusReport.since')}
          value={since}
          max={today}
          onChange={(e) => setSince(e.target.value)}
          error={error}
        />
        {!error && (
          <>
            <Button asChild variant="secondary">
              <a href={statusReportUrl(cycleId, 'docx', since)} download>
                {t('statusReport.downloadDocx')}
              </a>
            </Button>
            <Button asChild variant="secondary">
              <a href={statusReportUrl(cycleId, 'pdf', since)} download>
                {t('statusReport.downloadPdf')}
              </a>
            </Button>
          </>
        )}
      </div>
    </Card>
  );
}
