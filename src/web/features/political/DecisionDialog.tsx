import {
  Checkbox,
  Fieldset,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import {
  type PoliticalCase,
  RecordDecisionInput,
  type Treatment,
  type TreatmentOutcome,
} from '../../../shared/contracts/cases';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { SelectField } from '../../shared/components/SelectField';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { orNull, useForm } from '../../shared/use-form';
import { politicalPaths, useBody, useRecordDecision } from './political.api';
import { numberedPoints, voteCount } from './political-format';

/** The outcomes a body may record in its role: one taking the case for information only notes it (or postpones). */
export const outcomesFor = (role: Treatment['role']): readonly TreatmentOutcome[] =>
  role === 'information'
    ? ['information', 'postponed']
    : ['adopted', 'adopted_with_changes', 'rejected', 'postponed'];

/** The outcomes whose decision text starts from the proposed decision points. */
const takesProposal = (o: TreatmentOutcome | '') =>
  o === 'adopted' || o === 'adopted_with_changes' || o === 'information';

/**
 * The form's values as typed (the counts as text), made into the server's input: what a hidden field holds
 * (the counts of a unanimous vote, the changed text of another outcome, the later meeting when not
 * postponed) is not sent, so it cannot stop the form.
 */
type DecisionValues = {
  outcome: TreatmentOutcome | '';
  decisionText: string;
  changedText: string;
  decidedOn: string;
  unanimous: boolean;
  votesFor: string;
  votesAgainst: string;
  votesBlank: string;
  postponedToMeetingId: string | null;
  version: number;
};
const DecisionForm = z.preprocess((raw) => {
  const v = raw as DecisionValues;
  return {
    ...v,
    changedText: v.outcome === 'adopted_with_changes' ? v.changedText : null,
    postponedToMeetingId: v.outcome === 'postponed' ? v.postponedToMeetingId : null,
    votesFor: v.unanimous ? null : voteCount(v.votesFor),
    votesAgainst: v.unanimous ? null : voteCount(v.votesAgainst),
    votesBlank: v.unanimous ? null : voteCount(v.votesBlank),
  };
}, RecordDecisionInput);

/**
 * "Registrer vedtak": a body's treatment of the case at its meeting. The outcome (only those that fit the
 * body's role), the decision text (for an adoption first the proposed points, numbered), the changes when
 * adopted with changes, the date, the vote, and the later meeting when postponed. The server's refusals
 * land on their fields.
 */
export function DecisionDialog({
  politicalCase,
  treatment,
  onClose,
  onDone,
}: {
  politicalCase: PoliticalCase;
  treatment: Treatment | null;
  onClose: () => void;
  onDone: (next: PoliticalCase, treatment: Treatment) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={treatment !== null}
      onClose={onClose}
      title={t('political.decision.title', { body: treatment?.bodyName ?? '' })}
    >
      {treatment?.meeting && (
        <DecisionFormView
          key={treatment.id}
          politicalCase={politicalCase}
          treatment={treatment}
          meetingDate={treatment.meeting.date}
          onCancel={onClose}
          onDone={(next) => onDone(next, treatment)}
        />
      )}
    </ModalDialog>
  );
}

function DecisionFormView({
  politicalCase: c,
  treatment,
  meetingDate,
  onCancel,
  onDone,
}: {
  politicalCase: PoliticalCase;
  treatment: Treatment;
  meetingDate: string;
  onCancel: () => void;
  onDone: (next: PoliticalCase) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const record = useRecordDecision();
  const body = useBody(treatment.bodyId);
  const proposal = numberedPoints(c.decisionPoints);
  const form = useForm<typeof DecisionForm, DecisionValues>(DecisionForm, {
    outcome: '',
    decisionText: '',
    changedText: '',
    decidedOn: meetingDate,
    unanimous: true,
    votesFor: '',
    votesAgainst: '',
    votesBlank: '',
    postponedToMeetingId: null,
    version: treatment.version,
  });
  const { outcome, unanimous } = form.values;
  const later = (body.data?.meetings ?? []).filter((m) => m.date > meetingDate);
  const shownFields = [
    'outcome',
    'decisionText',
    'decidedOn',
    'unanimous',
    ...(outcome === 'adopted_with_changes' ? ['changedText'] : []),
    ...(outcome === 'postponed' ? ['postponedToMeetingId'] : []),
    ...(unanimous ? [] : ['votesFor', 'votesAgainst', 'votesBlank']),
  ];

  const choose = (next: TreatmentOutcome) => {
    form.set('outcome', next);
    // The proposal is offered as the decision's text, and taken away again if left as it was.
    const text = form.values.decisionText;
    if (takesProposal(next) && text.trim() === '') form.set('decisionText', proposal);
    else if (!takesProposal(next) && text === proposal) form.set('decisionText', '');
  };

  return (
    <form
      className="stack political-decision-form"
      noValidate
      onSubmit={form.submit(async (data) => {
        const next = await record.mutateAsync({ caseId: c.id, treatmentId: treatment.id, ...data });
        onDone(next);
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={shownFields} />
      <Paragraph data-size="sm">
        {t('political.decision.meetingOf', { date: formatDate(meetingDate, locale) })}
      </Paragraph>
      <OutcomeRadios
        legend={t('political.decision.outcome')}
        description={
          treatment.role === 'information' ? t('political.decision.outcomeHelpInformation') : undefined
        }
        options={outcomesFor(treatment.role).map((o) => ({ value: o, label: t(`political.outcome.${o}`) }))}
        value={outcome}
        onChange={choose}
        error={form.errors.outcome}
      />
      {outcome === 'postponed' &&
        (body.isSuccess && later.length === 0 ? (
          <Paragraph>
            {t('political.decision.noLaterMeeting', { body: treatment.bodyName })}{' '}
            <Link to={politicalPaths.body(treatment.bodyId)}>
              {t('political.decision.openPlan', { body: treatment.bodyName })}
            </Link>
          </Paragraph>
        ) : (
          <SelectField
            label={t('political.decision.postponedTo')}
            description={t('political.decision.postponedToHelp', { body: treatment.bodyName })}
            {...form.field('postponedToMeetingId', orNull)}
          >
            <Select.Option value="">{t('political.decision.chooseMeeting')}</Select.Option>
            {later.map((m) => (
              <Select.Option key={m.id} value={m.id}>
                {formatDate(m.date, locale)}
              </Select.Option>
            ))}
          </SelectField>
        ))}
      <Textfield
        label={
          outcome === 'postponed'
            ? `${t('political.decision.decisionText')} ${t('common.optional')}`
            : t('political.decision.decisionText')
        }
        description={t('political.decision.decisionTextHelp')}
        multiline
        rows={5}
        {...form.field('decisionText')}
      />
      {outcome === 'adopted_with_changes' && (
        <Textfield
          label={t('political.decision.changedText')}
          description={t('political.decision.changedTextHelp')}
          multiline
          rows={4}
          {...form.field('changedText')}
        />
      )}
      <Textfield
        label={t('political.decision.decidedOn')}
        description={t('political.decision.decidedOnHelp')}
        type="date"
        {...form.field('decidedOn')}
      />
      <Checkbox
        label={t('political.decision.unanimous')}
        checked={unanimous}
        onChange={(e) => form.set('unanimous', e.target.checked)}
      />
      {!unanimous && (
        <Fieldset>
          <Fieldset.Legend>{t('political.decision.votes')}</Fieldset.Legend>
          <Fieldset.Description>{t('political.decision.votesHelp')}</Fieldset.Description>
          <div className="political-votes">
            <Textfield
              label={t('political.decision.votesFor')}
              inputMode="numeric"
              {...form.field('votesFor')}
            />
            <Textfield
              label={`${t('political.decision.votesAgainst')} ${t('common.optional')}`}
              inputMode="numeric"
              {...form.field('votesAgainst')}
            />
            <Textfield
              label={`${t('political.decision.votesBlank')} ${t('common.optional')}`}
              inputMode="numeric"
              {...form.field('votesBlank')}
            />
          </div>
        </Fieldset>
      )}
      <DialogButtons submitting={form.submitting} submit={t('political.decision.save')} onCancel={onCancel} />
    </form>
  );
}

/** The outcome as radio buttons under a legend; the error is said once below them, and each points to it. */
function OutcomeRadios({
  legend,
  description,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  description?: string;
  options: readonly { value: TreatmentOutcome; label: string }[];
  value: TreatmentOutcome | '';
  onChange: (value: TreatmentOutcome) => void;
  error?: string;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [description ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset aria-describedby={describedBy}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description id={helpId}>{description}</Fieldset.Description>}
      {options.map((o) => (
        <Radio
          key={o.value}
          name={id}
          value={o.value}
          label={o.label}
          checked={value === o.value}
          onChange={() => onChange(o.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      ))}
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Fieldset>
  );
}
