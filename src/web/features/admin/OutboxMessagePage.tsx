import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OutboxMessage } from '../../../shared/contracts/mail';
import { DetailState } from '../../shared/components/DetailState';
import { Page } from '../../shared/components/Page';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { entityTypeLabel } from './audit-labels';
import { OutboxStatusTag } from './OutboxStatusTag';
import { useOutboxMessage } from './outbox.api';

/** One e-mail: to whom, what it is about, whether and when it went (or why not), and its text. */
export function OutboxMessagePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const message = useOutboxMessage(id);
  return (
    <DetailState
      query={message}
      notFound={t('admin.outbox.notFound')}
      back={{ to: '/admin/outbox', label: t('admin.outbox.back') }}
    >
      {(m) => <MessageView message={m} />}
    </DetailState>
  );
}

function MessageView({ message: m }: { message: OutboxMessage }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const moment = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, locale)}</time>;
  return (
    <Page title={m.subject}>
      <Paragraph>
        <Link to="/admin/outbox">{t('admin.outbox.back')}</Link>
      </Paragraph>
      {m.status === 'failed' && <Alert data-color="danger">{t('admin.outbox.failedHere')}</Alert>}
      {m.status === 'kept' && <Alert data-color="warning">{t('admin.outbox.keptHere')}</Alert>}
      <section className="stack" aria-labelledby="outbox-details">
        <Heading id="outbox-details" level={2} data-size="sm">
          {t('admin.outbox.details')}
        </Heading>
        <dl className="facts">
          <dt>{t('admin.outbox.to')}</dt>
          <dd>{m.to}</dd>
          <dt>{t('admin.outbox.status')}</dt>
          <dd>
            <OutboxStatusTag status={m.status} />
          </dd>
          <dt>{t('admin.outbox.createdAt')}</dt>
          <dd>{moment(m.createdAt)}</dd>
          {m.sentAt && (
            <>
              <dt>{t('admin.outbox.sentAt')}</dt>
              <dd>{moment(m.sentAt)}</dd>
            </>
          )}
          {m.attempts > 0 && (
            <>
              <dt>{t('admin.outbox.attempts')}</dt>
              <dd>{m.attempts}</dd>
            </>
          )}
          {m.lastAttemptAt && (
            <>
              <dt>{t('admin.outbox.lastAttemptAt')}</dt>
              <dd>{moment(m.lastAttemptAt)}</dd>
            </>
          )}
          {m.lastError && (
            <>
              <dt>{t('admin.outbox.lastError')}</dt>
              <dd className="admin-code">{m.lastError}</dd>
            </>
          )}
          {m.entityType && (
            <>
              <dt>{t('admin.outbox.about')}</dt>
              <dd>
                {entityTypeLabel(t, i18n, m.entityType)}
                {m.entityId && <div className="admin-code">{t('admin.audit.id', { id: m.entityId })}</div>}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section className="stack page-section" aria-labelledby="outbox-text">
        <Heading id="outbox-text" level={2} data-size="sm">
          {t('admin.outbox.text')}
        </Heading>
        <pre className="admin-mail-text">{m.text}</pre>
      </section>
    </Page>
  );
}
