import { Button, Card, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type BodyMeeting, isCountyBody, type PoliticalBodyWithPlan } from '../../../shared/contracts/bodies';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { DetailState } from '../../shared/components/DetailState';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { BodyMeetingDialog } from './BodyMeetingDialog';
import { MeetingDate } from './MeetingDate';
import { bodyCalendarUrl, politicalPaths, useBody, useDeleteBodyMeeting } from './political.api';

/** One political body: its meeting plan, kept here by those who may plan it, and its calendar feed. */
export function BodyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const body = useBody(id);
  return (
    <DetailState
      query={body}
      back={{ to: politicalPaths.bodies, label: t('political.backToBodies') }}
      notFound={t('political.bodies.notFound')}
    >
      {(b) => <BodyView body={b} />}
    </DetailState>
  );
}

function BodyView({ body }: { body: PoliticalBodyWithPlan }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<BodyMeeting | null>(null);
  const [removing, setRemoving] = useState<BodyMeeting | null>(null);
  const remove = useDeleteBodyMeeting();
  const county = isCountyBody(body.kind);
  return (
    <Page
      title={body.name}
      actions={body.mayPlan && <Button onClick={() => setAdding(true)}>{t('political.plan.add')}</Button>}
    >
      <Notice text={notice} />
      <dl className="facts">
        <dt>{t('political.bodies.facts.kind')}</dt>
        <dd>{t(`political.kind.${body.kind}`)}</dd>
        {body.municipalityNumber && (
          <>
            <dt>{t('political.bodies.facts.municipalityNumber')}</dt>
            <dd>{body.municipalityNumber}</dd>
          </>
        )}
        <dt>{t('political.bodies.facts.nextMeeting')}</dt>
        <dd>
          {body.nextMeeting ? (
            <MeetingDate date={body.nextMeeting.date} locale={locale} />
          ) : (
            t('political.bodies.noNextMeeting')
          )}
        </dd>
      </dl>
      <section className="stack" aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('political.plan.heading')}
        </Heading>
        {body.meetings.length === 0 ? (
          <Card>
            <Paragraph>{t(body.mayPlan ? 'political.plan.emptyPlanner' : 'political.plan.empty')}</Paragraph>
          </Card>
        ) : (
          <div className="table-wrap">
            <Table aria-labelledby={headingId} zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('political.plan.columns.date')}</Table.HeaderCell>
                  {county && <Table.HeaderCell>{t('political.plan.columns.documentsDue')}</Table.HeaderCell>}
                  <Table.HeaderCell>{t('political.plan.columns.place')}</Table.HeaderCell>
                  {body.mayPlan && (
                    <Table.HeaderCell>
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </Table.HeaderCell>
                  )}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {body.meetings.map((m) => {
                  const day = formatDate(m.date, locale);
                  return (
                    <Table.Row key={m.id}>
                      <Table.Cell>
                        <time dateTime={m.date}>{day}</time>
                      </Table.Cell>
                      {county && (
                        <Table.Cell>
                          {m.documentsDue ? (
                            <MeetingDate date={m.documentsDue} locale={locale} deadline />
                          ) : (
                            ''
                          )}
                        </Table.Cell>
                      )}
                      <Table.Cell>{m.place ?? ''}</Table.Cell>
                      {body.mayPlan && (
                        <Table.Cell>
                          <div className="row political-actions">
                            <Button
                              variant="secondary"
                              data-size="sm"
                              aria-label={t('political.plan.editLabel', { date: day })}
                              onClick={() => setEditing(m)}
                            >
                              {t('common.edit')}
                            </Button>
                            <Button
                              variant="secondary"
                              data-color="danger"
                              data-size="sm"
                              aria-label={t('political.plan.removeLabel', { date: day })}
                              onClick={() => setRemoving(m)}
                            >
                              {t('political.plan.remove')}
                            </Button>
                          </div>
                        </Table.Cell>
                      )}
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
      <CalendarFeed bodyId={body.id} />
      <BodyMeetingDialog
        body={body}
        open={adding}
        onClose={() => setAdding(false)}
        onDone={(m) => {
          setAdding(false);
          setNotice(t('political.plan.added', { date: formatDate(m.date, locale) }));
        }}
      />
      <BodyMeetingDialog
        key={editing?.id ?? 'none'}
        body={body}
        meeting={editing ?? undefined}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onDone={(m) => {
          setEditing(null);
          setNotice(t('political.plan.changed', { date: formatDate(m.date, locale) }));
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('political.plan.removeTitle')}
        body={t('political.plan.removeBody', {
          date: removing ? formatDate(removing.date, locale) : '',
          body: body.name,
        })}
        confirmLabel={t('political.plan.remove')}
        danger
        onConfirm={async () => {
          if (!removing) return;
          await remove.mutateAsync({ bodyId: body.id, id: removing.id, version: removing.version });
          setNotice(t('political.plan.removed', { date: formatDate(removing.date, locale) }));
          setRemoving(null);
        }}
      />
    </Page>
  );
}

/** The plan's public calendar feed: the address to copy into a calendar program. */
function CalendarFeed({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const url = bodyCalendarUrl(bodyId);
  const [copied, setCopied] = useState(false);
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {t('political.feed.heading')}
      </Heading>
      <Paragraph>{t('political.feed.help')}</Paragraph>
      <Textfield
        label={t('political.feed.address')}
        value={url}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="row">
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {t('political.feed.copy')}
        </Button>
        <span role="status">{copied ? t('political.feed.copied') : ''}</span>
      </div>
    </section>
  );
}
