import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFeed, CreatedCalendarFeed } from '../../../shared/contracts/calendar';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { FormError } from '../../shared/components/FormError';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed } from './calendar.api';

/**
 * Kalenderabonnement: every user makes personal feed addresses that a calendar program subscribes to, with
 * the meetings they may read. An address is shown once, when it is made (the server keeps only a hash of
 * it), and revoked here when a device is lost or the subscription is no longer wanted.
 */
export function CalendarFeedsPage() {
  const { t } = useTranslation();
  const feeds = useCalendarFeeds();
  const create = useCreateCalendarFeed();
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);
  const revoke = useRevokeCalendarFeed();
  const headingId = useId();
  const locale = currentLocale();
  return (
    <Page title={t('calendar.title')}>
      <Notice text={notice} />
      <Paragraph>{t('calendar.intro')}</Paragraph>
      <FormError error={create.error?.message ?? null} />
      <div className="row">
        <Button
          disabled={create.isPending}
          onClick={() => {
            setNotice(null);
            // A refusal is shown by FormError from the mutation's own state.
            create.mutate(undefined, { onSuccess: setCreated });
          }}
        >
          {t('calendar.create')}
        </Button>
      </div>
      {created && <CreatedFeed feed={created} />}
      <section className="stack" aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('calendar.listHeading')}
        </Heading>
        <QueryState query={feeds}>
          {(items) =>
            items.length === 0 ? (
              <Paragraph>{t('calendar.empty')}</Paragraph>
            ) : (
              <div className="table-wrap">
                <Table aria-labelledby={headingId} zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('calendar.createdAt')}</Table.HeaderCell>
                      <Table.HeaderCell>
                        <span className="visually-hidden">{t('calendar.actions')}</span>
                      </Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {items.map((feed) => (
                      <Table.Row key={feed.id}>
                        <Table.Cell>{formatDateTime(feed.createdAt, locale)}</Table.Cell>
                        <Table.Cell>
                          <Button
                            variant="secondary"
                            data-color="danger"
                            data-size="sm"
                            aria-label={t('calendar.revokeLabel', {
                              createdAt: formatDateTime(feed.createdAt, locale),
                            })}
                            onClick={() => setRevoking(feed)}
                          >
                            {t('calendar.revoke')}
                          </Button>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )
          }
        </QueryState>
      </section>
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('calendar.revokeTitle')}
        body={t('calendar.revokeBody')}
        confirmLabel={t('calendar.revoke')}
        danger
        onConfirm={async () => {
          if (!revoking) return;
          await revoke.mutateAsync(revoking.id);
          if (created?.id === revoking.id) setCreated(null);
          setRevoking(null);
          setNotice(t('calendar.revoked'));
        }}
      />
    </Page>
  );
}

/** The new address, this once: to copy into a calendar program. */
function CreatedFeed({ feed }: { feed: CreatedCalendarFeed }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Alert data-color="success">
      <div className="stack">
        <Heading level={2} data-size="xs">
          {t('calendar.createdHeading')}
        </Heading>
        <Paragraph>{t('calendar.createdHelp')}</Paragraph>
        <Textfield
          label={t('calendar.address')}
          value={feed.url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="row">
          <Button
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard.writeText(feed.url);
              setCopied(true);
            }}
          >
            {t('calendar.copy')}
          </Button>
          <span role="status">{copied ? t('calendar.copied') : ''}</span>
        </div>
      </div>
    </Alert>
  );
}
