import { Alert, Button, Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdoptionRow, AgreementAdoption, Divergence } from '../../../shared/contracts/adoption';
import type { Me } from '../../../shared/contracts/auth';
import { formatSize } from '../../shared/attachments';
import { Notice } from '../../shared/components/Notice';
import { QueryState } from '../../shared/components/QueryState';
import { formatDate, formatShortDate, intlLocale } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useAgreementContext } from '../agreements';
import { protocolUrl, useAdoption, useCouncils, useSpecialPartVersions } from './adoption.api';
import { divergenceSource } from './adoption-format';
import { ProtocolDialog } from './ProtocolDialog';
import { RecordAdoptionDialog } from './RecordAdoptionDialog';
import { ResolveDivergenceDialog } from './ResolveDivergenceDialog';
import './adoption.css';

/** A political case's page (Politisk behandling's route); the county's people read cases, region contacts not. */
const casePage = (id: string) => `/politisk/saker/${encodeURIComponent(id)}`;
const readsCases = (me: Me) => me.role !== 'region';

/**
 * The agreement page's "Vedtak" tab: whether the agreement is in force and what is missing, the executive
 * board's and the county council's treatment, each member municipality's council decision (recorded here by
 * the coordinator or the region's own contact), and the changes made on the way (resolved by the coordinator).
 */
export function AdoptionTab() {
  const { t } = useTranslation();
  const { agreement, me } = useAgreementContext();
  const adoption = useAdoption(agreement.id);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="stack" aria-labelledby="vedtak-heading">
      <Heading level={2} data-size="md" id="vedtak-heading">
        {t('adoption.heading')}
      </Heading>
      <Paragraph>{t('adoption.intro', { region: agreement.region.name })}</Paragraph>
      <Notice text={notice} />
      <QueryState query={adoption}>
        {(data) => <AdoptionView data={data} me={me} onNotice={setNotice} />}
      </QueryState>
    </section>
  );
}

function AdoptionView({
  data,
  me,
  onNotice,
}: {
  data: AgreementAdoption;
  me: Me;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<AdoptionRow | null>(null);
  const [resolving, setResolving] = useState<Divergence | null>(null);
  const [attaching, setAttaching] = useState<AdoptionRow | null>(null);
  return (
    <>
      <AdoptionStatus data={data} />
      <CountyTreatment data={data} me={me} />
      <MunicipalDecisions data={data} onRecord={setRecording} onAttach={setAttaching} />
      <Changes data={data} mayResolve={me.role === 'admin'} onResolve={setResolving} />
      <RecordAdoptionDialog
        agreementId={data.agreementId}
        row={recording}
        onClose={() => setRecording(null)}
        onSaved={(row) => {
          setRecording(null);
          onNotice(t('adoption.record.saved', { municipality: row.municipalityName }));
        }}
      />
      <ProtocolDialog
        agreementId={data.agreementId}
        row={attaching}
        onClose={() => setAttaching(null)}
        onSaved={(row, filename) => {
          setAttaching(null);
          onNotice(t('adoption.protocol.saved', { municipality: row.municipalityName, filename }));
        }}
      />
      <ResolveDivergenceDialog
        agreementId={data.agreementId}
        divergence={resolving}
        onClose={() => setResolving(null)}
        onResolved={() => {
          setResolving(null);
          onNotice(t('adoption.resolve.resolved'));
        }}
      />
    </>
  );
}

/** "Kommunestyret i Marker og Skiptvet": names joined the way the language joins them. */
const listOf = (names: readonly string[]) =>
  new Intl.ListFormat(intlLocale(currentLocale()), { type: 'conjunction' }).format(names);

/** In force, or what is missing before it is: the board's approval, councils' decisions, open changes. */
function AdoptionStatus({ data }: { data: AgreementAdoption }) {
  const { t } = useTranslation();
  if (data.inForce) {
    return (
      <Alert data-color="success">
        <Heading level={3} data-size="xs">
          {t('adoption.status.inForce')}
        </Heading>
        <Paragraph>{t('adoption.status.inForceBody', { count: data.rows.length })}</Paragraph>
      </Alert>
    );
  }
  const missing: string[] = [];
  const board = data.board;
  if (!board) missing.push(t('adoption.status.boardNotTreated'));
  else if (!board.outcome) missing.push(t('adoption.status.boardAwaiting'));
  else if (!board.approved && board.outcome !== 'adopted_with_changes')
    missing.push(t('adoption.status.boardNotApproved'));
  const waiting = data.rows.filter(
    (r) => !r.adoption || r.adoption.outcome === 'postponed' || r.adoption.outcome === 'rejected',
  );
  const notYet = waiting.filter((r) => r.adoption?.outcome !== 'rejected').map((r) => r.municipalityName);
  const rejected = waiting.filter((r) => r.adoption?.outcome === 'rejected').map((r) => r.municipalityName);
  if (notYet.length > 0)
    missing.push(t('adoption.status.notAdopted', { count: notYet.length, names: listOf(notYet) }));
  if (rejected.length > 0)
    missing.push(t('adoption.status.rejected', { count: rejected.length, names: listOf(rejected) }));
  const open = data.divergences.filter((d) => d.resolution === null).length;
  if (open > 0) missing.push(t('adoption.status.openChanges', { count: open }));
  if (data.divergences.some((d) => d.resolution === 'renegotiate'))
    missing.push(t('adoption.status.renegotiate'));
  return (
    <Alert data-color="info">
      <Heading level={3} data-size="xs">
        {t('adoption.status.notInForce')}
      </Heading>
      {missing.length > 0 && (
        <>
          <Paragraph>{t('adoption.status.missing')}</Paragraph>
          <ul className="adoption-missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}

const outcomeColour = {
  adopted: 'success',
  adopted_with_changes: 'warning',
  rejected: 'danger',
  postponed: 'neutral',
  information: 'info',
} as const;

/** A decision's outcome as a word in a tag; none yet is said in words too. */
function OutcomeTag({ outcome, counts }: { outcome: string | null; counts?: boolean }) {
  const { t } = useTranslation();
  if (!outcome || !(outcome in outcomeColour)) {
    return (
      <Tag data-color="neutral" variant="outline">
        {t('adoption.outcome.none')}
      </Tag>
    );
  }
  const key = outcome as keyof typeof outcomeColour;
  const colour = key === 'adopted_with_changes' && counts ? 'success' : outcomeColour[key];
  return <Tag data-color={colour}>{t(`adoption.outcome.${key}`)}</Tag>;
}

/** The executive board's treatment and the county council's, with their cases. */
function CountyTreatment({ data, me }: { data: AgreementAdoption; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const treatments = [
    { key: 'board', name: t('adoption.county.board'), treatment: data.board },
    { key: 'council', name: t('adoption.county.council'), treatment: data.council },
  ] as const;
  return (
    <section className="stack stack--tight" aria-labelledby="vedtak-county">
      <Heading level={3} data-size="sm" id="vedtak-county">
        {t('adoption.county.heading')}
      </Heading>
      <dl className="facts adoption-county">
        {treatments.map(({ key, name, treatment }) => (
          <div key={key} className="adoption-county__row">
            <dt>{name}</dt>
            <dd>
              {!treatment ? (
                t('adoption.county.noCase')
              ) : (
                <span className="adoption-county__value">
                  {treatment.outcome ? (
                    <OutcomeTag outcome={treatment.outcome} />
                  ) : (
                    <span>{t('adoption.county.awaiting')}</span>
                  )}
                  {treatment.decidedOn && (
                    <span>
                      {t('adoption.county.decidedOn', { date: formatDate(treatment.decidedOn, locale) })}
                    </span>
                  )}
                  {readsCases(me) && (
                    <Link to={casePage(treatment.caseId)}>
                      {t(
                        key === 'board' ? 'adoption.county.openBoardCase' : 'adoption.county.openCouncilCase',
                      )}
                    </Link>
                  )}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const columns = [
  'number',
  'name',
  'meeting',
  'decidedOn',
  'caseReference',
  'record',
  'protocol',
  'outcome',
  'recordedBy',
] as const;
type Column = (typeof columns)[number];

/**
 * Each member municipality's council decision with its attached protocol, and the buttons to record or
 * correct the decision and to attach the protocol once it is recorded.
 */
function MunicipalDecisions({
  data,
  onRecord,
  onAttach,
}: {
  data: AgreementAdoption;
  onRecord: (row: AdoptionRow) => void;
  onAttach: (row: AdoptionRow) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const councils = useCouncils(
    data.rows.flatMap((r) => (r.adoption?.bodyMeetingId && r.councilId ? [r.councilId] : [])),
  );
  const meetingDate = new Map(
    councils.flatMap((q) => (q.data?.meetings ?? []).map((m) => [m.id, m.date] as const)),
  );
  const adopted = data.rows.filter((r) => r.counts).length;
  const label = (column: Column) => t(`adoption.municipalities.columns.${column}`);
  return (
    <section className="stack stack--tight" aria-labelledby="vedtak-municipalities">
      <Heading level={3} data-size="sm" id="vedtak-municipalities">
        {t('adoption.municipalities.heading')}
      </Heading>
      {data.rows.length === 0 ? (
        <Paragraph>{t('adoption.municipalities.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('adoption.municipalities.count', { adopted, count: data.rows.length })}</Paragraph>
          <div className="table-wrap adoption-table-wrap">
            {/* The roles are said outright: on a phone the rows are laid out as cards (adoption.css), and a
                table laid out otherwise may lose its table semantics in some browsers. */}
            <Table
              aria-label={t('adoption.municipalities.tableLabel')}
              zebra
              className="adoption-table"
              role="table"
            >
              <Table.Head role="rowgroup">
                <Table.Row role="row">
                  {columns.map((c) => (
                    <Table.HeaderCell key={c} role="columnheader">
                      {label(c)}
                    </Table.HeaderCell>
                  ))}
                  {data.mayRecord && (
                    <Table.HeaderCell role="columnheader">
                      <span className="visually-hidden">{t('adoption.municipalities.columns.actions')}</span>
                    </Table.HeaderCell>
                  )}
                </Table.Row>
              </Table.Head>
              <Table.Body role="rowgroup">
                {data.rows.map((row) => {
                  const a = row.adoption;
                  const date = a?.bodyMeetingId ? meetingDate.get(a.bodyMeetingId) : undefined;
                  const none = a ? t('adoption.municipalities.none') : '';
                  return (
                    <Table.Row key={row.municipalityId} role="row">
                      <Table.Cell role="cell" data-label={label('number')} className="adoption-number">
                        {row.municipalityNumber}
                      </Table.Cell>
                      <Table.HeaderCell role="rowheader" scope="row" className="adoption-name">
                        {row.municipalityName}
                      </Table.HeaderCell>
                      <Table.Cell role="cell" data-label={label('meeting')} className="adoption-nowrap">
                        {date ? formatShortDate(date, locale) : none}
                      </Table.Cell>
                      <Table.Cell role="cell" data-label={label('decidedOn')} className="adoption-nowrap">
                        {a ? formatShortDate(a.decidedOn, locale) : ''}
                      </Table.Cell>
                      <Table.Cell role="cell" data-label={label('caseReference')}>
                        {a?.caseReference ?? none}
                      </Table.Cell>
                      <Table.Cell role="cell" data-label={label('record')}>
                        {a?.recordUrl ? (
                          <a
                            href={a.recordUrl}
                            target="_blank"
                            rel="noreferrer noopener"
                            aria-label={t('adoption.municipalities.recordLabel', {
                              municipality: row.municipalityName,
                            })}
                          >
                            {t('adoption.municipalities.recordLink')}
                          </a>
                        ) : (
                          none
                        )}
                      </Table.Cell>
                      <Table.Cell role="cell" data-label={label('protocol')}>
                        {a?.protocol ? (
                          <a
                            href={protocolUrl(data.agreementId, row.municipalityId)}
                            download
                            aria-label={t('adoption.municipalities.protocolLabel', {
                              municipality: row.municipalityName,
                              filename: a.protocol.filename,
                              size: formatSize(a.protocol.size, locale),
                            })}
                          >
                            {a.protocol.filename}
                          </a>
                        ) : (
                          none
                        )}
                      </Table.Cell>
                      <Table.Cell role="cell" data-label={label('outcome')}>
                        <span className="stack stack--tight adoption-outcome">
                          <OutcomeTag outcome={a?.outcome ?? null} counts={row.counts} />
                          {a?.outcome === 'adopted_with_changes' && !row.counts && (
                            <span className="muted">{t('adoption.municipalities.changeOpen')}</span>
                          )}
                        </span>
                      </Table.Cell>
                      <Table.Cell role="cell" data-label={label('recordedBy')}>
                        {a ? (a.recordedBy ?? none) : ''}
                      </Table.Cell>
                      {data.mayRecord && (
                        <Table.Cell role="cell" className="adoption-action">
                          <Button
                            variant={a ? 'tertiary' : 'secondary'}
                            data-size="sm"
                            aria-label={t(
                              a
                                ? 'adoption.municipalities.editLabel'
                                : 'adoption.municipalities.recordLabelButton',
                              { municipality: row.municipalityName },
                            )}
                            onClick={() => onRecord(row)}
                          >
                            {t(a ? 'adoption.municipalities.edit' : 'adoption.municipalities.record')}
                          </Button>
                          {a && (
                            <Button
                              variant="tertiary"
                              data-size="sm"
                              aria-label={t(
                                a.protocol
                                  ? 'adoption.municipalities.replaceProtocolLabel'
                                  : 'adoption.municipalities.attachProtocolLabel',
                                { municipality: row.municipalityName },
                              )}
                              onClick={() => onAttach(row)}
                            >
                              {t(
                                a.protocol
                                  ? 'adoption.municipalities.replaceProtocol'
                                  : 'adoption.municipalities.attachProtocol',
                              )}
                            </Button>
                          )}
                        </Table.Cell>
                      )}
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/** The changes the board or a council made, how each was resolved, and for the coordinator "Løs". */
function Changes({
  data,
  mayResolve,
  onResolve,
}: {
  data: AgreementAdoption;
  mayResolve: boolean;
  onResolve: (d: Divergence) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const versions = useSpecialPartVersions(
    data.agreementId,
    data.divergences.some((d) => d.specialPartVersionId !== null),
  );
  const numberOf = (id: string) => versions.data?.find((v) => v.id === id)?.number;
  return (
    <section className="stack stack--tight" aria-labelledby="vedtak-changes">
      <Heading level={3} data-size="sm" id="vedtak-changes">
        {t('adoption.changes.heading')}
      </Heading>
      {data.divergences.length === 0 ? (
        <Paragraph>{t('adoption.changes.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('adoption.changes.intro')}</Paragraph>
          <ul className="adoption-changes" aria-label={t('adoption.changes.heading')}>
            {data.divergences.map((d) => {
              const source = divergenceSource(t, d);
              const headingId = `vedtak-change-${d.id}`;
              const number = d.specialPartVersionId ? numberOf(d.specialPartVersionId) : undefined;
              return (
                <li key={d.id}>
                  <Card data-color="neutral" asChild>
                    <article aria-labelledby={headingId} className="stack stack--tight">
                      <div className="adoption-change__head">
                        <Heading level={4} data-size="2xs" id={headingId}>
                          {t('adoption.changes.from', { source })}
                        </Heading>
                        <Tag
                          data-color={
                            d.resolution === null
                              ? 'warning'
                              : d.resolution === 'accepted'
                                ? 'success'
                                : 'neutral'
                          }
                        >
                          {t(`adoption.changes.state.${d.resolution ?? 'open'}`)}
                        </Tag>
                      </div>
                      <Paragraph data-size="sm" className="muted">
                        {t('adoption.changes.made', { date: formatDate(d.createdAt, locale) })}
                      </Paragraph>
                      <blockquote className="adoption-change">{d.changedText}</blockquote>
                      {d.resolution === 'accepted' && (
                        <Paragraph>
                          {d.specialPartVersionId && number !== undefined
                            ? t('adoption.changes.acceptedSpecial', {
                                number,
                                date: formatDate(d.resolvedAt, locale),
                              })
                            : d.generalPartVersionId
                              ? t('adoption.changes.acceptedGeneral', {
                                  date: formatDate(d.resolvedAt, locale),
                                })
                              : t('adoption.changes.accepted', { date: formatDate(d.resolvedAt, locale) })}
                        </Paragraph>
                      )}
                      {d.resolution === 'renegotiate' && (
                        <Paragraph>
                          {t('adoption.changes.renegotiated', { date: formatDate(d.resolvedAt, locale) })}
                        </Paragraph>
                      )}
                      {d.resolutionNote && (
                        <Paragraph>{t('adoption.changes.note', { note: d.resolutionNote })}</Paragraph>
                      )}
                      {mayResolve && d.resolution === null && (
                        <div>
                          <Button
                            variant="secondary"
                            data-size="sm"
                            aria-label={t('adoption.changes.resolveLabel', { source })}
                            onClick={() => onResolve(d)}
                          >
                            {t('adoption.changes.resolve')}
                          </Button>
                        </div>
                      )}
                    </article>
                  </Card>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
