import { Button, Heading, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agreementPath } from '../../../shared/contracts/agreements';
import {
  type Decision,
  type PoliticalCase,
  type Treatment,
  type TreatmentOutcome,
  UpdateTreatmentInput,
} from '../../../shared/contracts/cases';
import type { Locale } from '../../../shared/contracts/common';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { orNull, useForm } from '../../shared/use-form';
import { DecisionDialog } from './DecisionDialog';
import { MeetingDate } from './MeetingDate';
import { politicalPaths, useBody, useUpdateTreatment } from './political.api';

/** The agreement tab where a change a body made is resolved (the adoption feature's "Vedtak"). */
const adoptionTabPath = (agreementId: string) => `${agreementPath(agreementId)}/vedtak`;

/** An outcome's colour as a tag: adopted green, with changes amber, rejected red, the rest neutral. */
const outcomeColour: Record<TreatmentOutcome, 'success' | 'warning' | 'danger' | 'neutral' | 'info'> = {
  adopted: 'success',
  adopted_with_changes: 'warning',
  rejected: 'danger',
  postponed: 'neutral',
  information: 'info',
};

/** A treatment that can still be decided: it has its meeting, and no decision or only a postponement. */
const decidable = (tr: Treatment) =>
  tr.meeting !== null && (tr.decision === null || tr.decision.outcome === 'postponed');

/**
 * The treatment plan: the bodies the case passes in order, each with its role, the meeting it is put to
 * (from the body's plan), the body's case number and its decision; the coordinator changes a row in a
 * dialog and records a decision in another. Below the table, the decisions' own words, apart from the
 * recommendation in the case document.
 */
export function TreatmentsSection({
  politicalCase: c,
  editable,
  onSaved,
  onNotice,
}: {
  politicalCase: PoliticalCase;
  editable: boolean;
  onSaved: (next: PoliticalCase) => void;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const [editing, setEditing] = useState<Treatment | null>(null);
  const [deciding, setDeciding] = useState<Treatment | null>(null);
  const decided = c.treatments.filter((tr) => tr.decision !== null);
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('political.treatments.heading')}
      </Heading>
      <div className="table-wrap political-table-wrap">
        <Table aria-labelledby={headingId} zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('political.treatments.columns.body')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.treatments.columns.role')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.treatments.columns.meeting')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.treatments.columns.documentsDue')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.treatments.columns.caseNumber')}</Table.HeaderCell>
              <Table.HeaderCell>{t('political.treatments.columns.decision')}</Table.HeaderCell>
              {editable && (
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {c.treatments.map((tr) => (
              <Table.Row key={tr.id}>
                <Table.Cell>
                  <Link to={politicalPaths.body(tr.bodyId)}>{tr.bodyName}</Link>
                </Table.Cell>
                <Table.Cell>{t(`political.role.${tr.role}`)}</Table.Cell>
                <Table.Cell>
                  {tr.meeting ? (
                    <time dateTime={tr.meeting.date}>{formatDate(tr.meeting.date, locale)}</time>
                  ) : (
                    <span className="muted">{t('political.treatments.noMeeting')}</span>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {tr.meeting?.documentsDue ? (
                    <MeetingDate date={tr.meeting.documentsDue} locale={locale} deadline />
                  ) : (
                    ''
                  )}
                </Table.Cell>
                <Table.Cell>
                  {tr.caseNumber ?? <span className="muted">{t('political.none')}</span>}
                </Table.Cell>
                <Table.Cell>
                  {tr.decision ? (
                    <DecisionSummary decision={tr.decision} locale={locale} />
                  ) : (
                    <span className="muted">{t('political.decision.none')}</span>
                  )}
                </Table.Cell>
                {editable && (
                  <Table.Cell>
                    <div className="row political-actions">
                      <Button
                        variant="secondary"
                        data-size="sm"
                        aria-label={t('political.treatments.editLabel', { body: tr.bodyName })}
                        onClick={() => setEditing(tr)}
                      >
                        {t('common.edit')}
                      </Button>
                      {decidable(tr) && (
                        <Button
                          data-size="sm"
                          aria-label={t('political.decision.recordLabel', { body: tr.bodyName })}
                          onClick={() => setDeciding(tr)}
                        >
                          {t('political.decision.record')}
                        </Button>
                      )}
                    </div>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {decided.length > 0 && <DecisionTexts politicalCase={c} treatments={decided} />}
      <DecisionDialog
        politicalCase={c}
        treatment={deciding}
        onClose={() => setDeciding(null)}
        onDone={(next, tr) => {
          onSaved(next);
          onNotice(t('political.decision.saved', { body: tr.bodyName }));
          setDeciding(null);
        }}
      />
      <ModalDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={t('political.treatments.editTitle', { body: editing?.bodyName ?? '' })}
      >
        {editing && (
          <TreatmentForm
            caseId={c.id}
            treatment={editing}
            onCancel={() => setEditing(null)}
            onDone={(next) => {
              onSaved(next);
              onNotice(t('political.treatments.saved', { body: editing.bodyName }));
              setEditing(null);
            }}
          />
        )}
      </ModalDialog>
    </section>
  );
}

/** A decision in the table: the outcome as a tag, its date, the vote and who recorded it. */
function DecisionSummary({ decision: d, locale }: { decision: Decision; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <div className="political-decision">
      <Tag data-color={outcomeColour[d.outcome]} data-size="sm">
        {t(`political.outcome.${d.outcome}`)}
      </Tag>
      <time dateTime={d.decidedOn}>{formatDate(d.decidedOn, locale)}</time>
      {d.outcome !== 'postponed' && (
        <span>
          {d.unanimous || !d.votes
            ? t('political.decision.unanimousShort')
            : t('political.decision.voteCounts', {
                for: d.votes.for,
                against: d.votes.against,
                blank: d.votes.blank,
              })}
        </span>
      )}
      {d.recordedBy && (
        <span className="muted">{t('political.decision.recordedBy', { name: d.recordedBy })}</span>
      )}
    </div>
  );
}

/**
 * The bodies' decisions in their own words, each under its body and date: the decision text, and the
 * changes when adopted with changes, with the way to each agreement's Vedtak tab where they are resolved.
 */
function DecisionTexts({
  politicalCase: c,
  treatments,
}: {
  politicalCase: PoliticalCase;
  treatments: readonly Treatment[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="stack political-decisions">
      <Heading level={3} data-size="xs">
        {t('political.decision.textsHeading')}
      </Heading>
      {treatments.map((tr) => {
        const d = tr.decision;
        if (!d) return null;
        return (
          <article key={tr.id} className="stack stack--tight political-decision-text">
            <Heading level={4} data-size="2xs">
              {t('political.decision.textHeading', {
                body: tr.bodyName,
                date: formatDate(d.decidedOn, locale),
              })}
            </Heading>
            <div>
              <Tag data-color={outcomeColour[d.outcome]} data-size="sm">
                {t(`political.outcome.${d.outcome}`)}
              </Tag>
            </div>
            {d.outcome === 'postponed' && tr.meeting && (
              <Paragraph>
                {t('political.decision.postponedToSentence', { date: formatDate(tr.meeting.date, locale) })}
              </Paragraph>
            )}
            {d.decisionText ? (
              <Paragraph className="political-prewrap">{d.decisionText}</Paragraph>
            ) : (
              d.outcome !== 'postponed' && <Paragraph className="muted">{t('political.none')}</Paragraph>
            )}
            {d.outcome === 'adopted_with_changes' && d.changedText && (
              <>
                <Heading level={5} data-size="2xs">
                  {t('political.decision.changedText')}
                </Heading>
                <Paragraph className="political-prewrap">{d.changedText}</Paragraph>
                <Paragraph>{t('political.decision.changedAgreements')}</Paragraph>
                <ul>
                  {c.agreements.map((a) => (
                    <li key={a.id}>
                      <Link to={adoptionTabPath(a.id)}>
                        {t('political.decision.adoptionTabLink', { region: a.regionName })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        );
      })}
    </div>
  );
}

const TreatmentFields = UpdateTreatmentInput.omit({ version: true });
const shownFields = ['meetingId', 'caseNumber'];

function TreatmentForm({
  caseId,
  treatment,
  onCancel,
  onDone,
}: {
  caseId: string;
  treatment: Treatment;
  onCancel: () => void;
  onDone: (next: PoliticalCase) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const body = useBody(treatment.bodyId);
  const update = useUpdateTreatment();
  const form = useForm(TreatmentFields, {
    meetingId: treatment.meeting?.id ?? null,
    caseNumber: treatment.caseNumber ?? '',
  });
  const meetings = body.data?.meetings ?? [];
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const next = await update.mutateAsync({
          caseId,
          treatmentId: treatment.id,
          ...data,
          version: treatment.version,
        });
        onDone(next);
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={shownFields} />
      <SelectField
        label={t('political.treatments.meeting')}
        description={t('political.treatments.meetingHelp', { body: treatment.bodyName })}
        {...form.field('meetingId', orNull)}
      >
        <Select.Option value="">{t('political.treatments.meetingLater')}</Select.Option>
        {meetings.map((m) => (
          <Select.Option key={m.id} value={m.id}>
            {m.documentsDue
              ? t('political.treatments.meetingOption', {
                  date: formatDate(m.date, locale),
                  due: formatDate(m.documentsDue, locale),
                })
              : formatDate(m.date, locale)}
          </Select.Option>
        ))}
      </SelectField>
      <Textfield
        label={`${t('political.treatments.caseNumber')} ${t('common.optional')}`}
        description={t('political.treatments.caseNumberHelp')}
        {...form.field('caseNumber')}
      />
      <DialogButtons submitting={form.submitting} submit={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
