import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';
import { archiveFileUrl, useArchive, useStartArchive } from './agreement-document.api';

/**
 * For the coordinator on the agreements list: "Last ned alle som ZIP" starts the archive of every agreement
 * of the cycle on the server, a progress bar follows it (read every second), and a link downloads it when
 * it is done. The status line is a polite live region, so a screen reader hears the progress and the end.
 */
export function AgreementArchivePanel({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const [archiveId, setArchiveId] = useState<string | null>(null);
  const start = useStartArchive(cycleId);
  const archive = useArchive(archiveId);
  const a = archive.data;
  const working =
    start.isPending || (archiveId !== null && (!a || a.state === 'queued' || a.state === 'running'));

  const status = (() => {
    if (start.error)
      return start.error instanceof ApiError ? start.error.message : t('agreementDocument.archive.failed');
    if (!archiveId) return '';
    if (!a) return t('agreementDocument.archive.queued');
    switch (a.state) {
      case 'queued':
        return t('agreementDocument.archive.queued');
      case 'running':
        return t('agreementDocument.archive.progress', { done: a.done, total: a.total });
      case 'done':
        return t('agreementDocument.archive.done', { total: a.total });
      case 'failed':
        return t(`agreementDocument.archive.failure.${a.failure ?? 'unexpected'}`);
    }
  })();

  return (
    <Card>
      <Heading level={2} data-size="xs">
        {t('agreementDocument.archive.heading')}
      </Heading>
      <Paragraph>{t('agreementDocument.archive.intro')}</Paragraph>
      <div className="row">
        <Button
          variant="secondary"
          disabled={working}
          onClick={() =>
            start.mutate(undefined, {
              onSuccess: (made) => setArchiveId(made.id),
            })
          }
        >
          {t('agreementDocument.archive.start')}
        </Button>
        {a?.state === 'done' && (
          <Button asChild>
            <a href={archiveFileUrl(a.id)} download>
              {t('agreementDocument.archive.download', { filename: a.filename })}
            </a>
          </Button>
        )}
      </div>
      {archiveId && a && (a.state === 'queued' || a.state === 'running' || a.state === 'done') && (
        <div className="stack" style={{ gap: 'var(--ds-size-1)' }}>
          <label htmlFor="agreement-archive-progress">{t('agreementDocument.archive.progressLabel')}</label>
          <progress id="agreement-archive-progress" max={Math.max(a.total, 1)} value={a.done}>
            {t('agreementDocument.archive.progress', { done: a.done, total: a.total })}
          </progress>
        </div>
      )}
      <Paragraph role="status" aria-live="polite">
        {status}
      </Paragraph>
    </Card>
  );
}
