import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import {
  type CommitmentIndicator,
  type CommitmentReport,
  type ReportStatus,
  reportStatuses,
  SaveReportInput,
} from '../../../shared/contracts/follow-up';
import { emptyRichText, type RichTextDoc } from '../../../shared/contracts/rich-text';
import { kronerOfInput } from '../../shared/amount';
import { FormError, useConflict } from '../../shared/components/FormError';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { formatDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { RichText } from '../../shared/rich-text/RichText';
import { RichTextEditor } from '../../shared/rich-text/RichTextEditor';
import { useForm } from '../../shared/use-form';
import { followUpPaths, useReport, useSaveReport } from './follow-up.api';
import { formatNok, formatValue, isEmptyDoc, numberOfInput, ownerName } from './follow-up-format';
import { ReopenDialog } from './ReopenDialog';

/**
 * An owner's report on one commitment in one round: the form (status, progress, what was done and what
 * comes next, kroner spent, the indicators' values with their dates; save a draft or submit) for its
 * owner while the round is open, else the report as it stands.
 */
export function ReportPage() {
  const { id = '', commitmentId = '' } = useParams();
  const report = useReport(id, commitmentId);
  return <QueryState query={report}>{(data) => <ReportView report={data} />}</QueryState>;
}

function ReportView({ report }: { report: CommitmentReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [notice, setNotice] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const c = report.commitment;
  const r = report.report;
  return (
    <Page title={t('followUp.report.title', { title: c.title })}>
      <Notice text={notice} />
      <dl className="facts">
        <dt>{t('followUp.report.round')}</dt>
        <dd>
          <Link to={followUpPaths.round(report.roundId)}>{report.roundName}</Link>
        </dd>
        <dt>{t('followUp.report.deadline')}</dt>
        <dd>{formatDate(report.deadline, locale)}</dd>
        <dt>{t('followUp.commitment.region')}</dt>
        <dd>{c.region.name}</dd>
        <dt>{t('followUp.commitment.owner')}</dt>
        <dd>{ownerName(c.owner, c.region.name)}</dd>
        <dt>{t('followUp.commitment.budget')}</dt>
        <dd>{c.budgetNok === null ? t('followUp.commitment.noBudget') : formatNok(c.budgetNok, locale)}</dd>
        <dt>{t('followUp.report.state')}</dt>
        <dd>
          {!r
            ? t('followUp.reportState.none')
            : r.state === 'submitted'
              ? t('followUp.reportState.submittedOn', { date: formatDate(r.submittedAt, locale) })
              : t('followUp.reportState.draft')}
        </dd>
      </dl>
      <Paragraph>
        <Link to={followUpPaths.commitment(c.id)}>{t('followUp.report.toCommitment')}</Link>
      </Paragraph>
      {r?.state === 'draft' && r.reopenedReason && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('followUp.report.reopenedHeading')}
          </Heading>
          <Paragraph>{r.reopenedReason}</Paragraph>
        </Alert>
      )}
      {report.mayWrite ? (
        <ReportForm key={`${r?.id ?? 'new'}-${r?.version ?? 0}`} report={report} onSaved={setNotice} />
      ) : (
        <SubmittedReport report={report} />
      )}
      {report.mayReopen && r && (
        <>
          <div className="row">
            <Button variant="secondary" onClick={() => setReopening(true)}>
              {t('followUp.reopen.button')}
            </Button>
          </div>
          <ReopenDialog
            target={reopening ? { commitmentId: c.id, title: c.title, version: r.version } : null}
            roundId={report.roundId}
            onClose={() => setReopening(false)}
            onDone={() => {
              setReopening(false);
              setNotice(t('followUp.reopen.done'));
            }}
          />
        </>
      )}
    </Page>
  );
}

type Values = {
  status: ReportStatus | '';
  progress: string;
  done: RichTextDoc;
  next: RichTextDoc;
  spentNok: string;
  values: Record<string, { value: string; measuredOn: string }>;
  version: number | undefined;
};

const amountOf = (text: string) => {
  const n = numberOfInput(text);
  return n === null ? null : n;
};

/** The form's values as typed, made into the server's input (an indicator left empty is not sent). */
const toInput = (indicators: readonly CommitmentIndicator[]) => (raw: unknown) => {
  const v = raw as Values;
  return {
    status: v.status || null,
    progress: amountOf(v.progress),
    done: isEmptyDoc(v.done) ? null : v.done,
    next: isEmptyDoc(v.next) ? null : v.next,
    spentNok: kronerOfInput(v.spentNok),
    values: indicators
      .filter((i) => (v.values[i.id]?.value ?? '').trim() !== '')
      .map((i) => ({
        indicatorId: i.id,
        value: numberOfInput(v.values[i.id]?.value ?? ''),
        measuredOn: v.values[i.id]?.measuredOn ?? '',
        unit: i.unit,
      })),
    version: v.version,
  };
};

function initialValues(report: CommitmentReport): Values {
  const r = report.report;
  const values: Values['values'] = {};
  for (const indicator of report.indicators) {
    const given = r?.values.find((v) => v.indicatorId === indicator.id);
    values[indicator.id] = {
      value: given ? String(given.value) : '',
      measuredOn: given?.measuredOn ?? todayInOslo(),
    };
  }
  return {
    status: r?.status ?? '',
    progress: r?.progress === null || r?.progress === undefined ? '' : String(r.progress),
    done: r?.done ?? emptyRichText(),
    next: r?.next ?? emptyRichText(),
    spentNok: r?.spentNok === null || r?.spentNok === undefined ? '' : String(r.spentNok),
    values,
    version: r?.version,
  };
}

function ReportForm({ report, onSaved }: { report: CommitmentReport; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const save = useSaveReport(report.roundId, report.commitment.id);
  const conflict = useConflict();
  const [schema] = useState(() => z.preprocess(toInput(report.indicators), SaveReportInput));
  const form = useForm(schema, initialValues(report));
  const submitting = useRef(false);
  const statusId = useId();
  const doneLabel = useId();
  const nextLabel = useId();
  const doneError = useId();
  const nextError = useId();
  // Each indicator's place among the values sent, for the errors the server and the schema give by index.
  const sent = report.indicators.filter((i) => (form.values.values[i.id]?.value ?? '').trim() !== '');
  const errorOf = (indicatorId: string, field: 'value' | 'measuredOn' | 'unit') => {
    const index = sent.findIndex((i) => i.id === indicatorId);
    return index < 0 ? undefined : form.errors[`values.${index}.${field}`];
  };
  const setValue = (indicatorId: string, field: 'value' | 'measuredOn', text: string) => {
    const current = form.values.values[indicatorId] ?? { value: '', measuredOn: todayInOslo() };
    form.set('values', { ...form.values.values, [indicatorId]: { ...current, [field]: text } });
  };
  const fields = ['status', 'progress', 'done', 'next', 'spentNok'];
  return (
    <form
      className="stack"
      noValidate
      aria-label={t('followUp.report.formLabel')}
      onSubmit={form.submit(async (data) => {
        const submit = submitting.current;
        await conflict.guard(save.mutateAsync({ input: data, submit }));
        onSaved(submit ? t('followUp.report.submitted') : t('followUp.report.draftSaved'));
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict.conflict}
        conflictText={t('followUp.report.conflict')}
        errors={form.errors}
        fields={[...fields, ...Object.keys(form.errors).filter((k) => k.startsWith('values.'))]}
      />
      <Fieldset aria-describedby={form.errors.status ? `${statusId}-error` : undefined}>
        <Fieldset.Legend>{t('followUp.report.status')}</Fieldset.Legend>
        {reportStatuses.map((s) => (
          <Radio
            key={s}
            name={statusId}
            value={s}
            label={t(`followUp.status.${s}`)}
            checked={form.values.status === s}
            onChange={() => form.set('status', s)}
            aria-invalid={form.errors.status ? true : undefined}
          />
        ))}
        {form.errors.status && (
          <ValidationMessage id={`${statusId}-error`}>{form.errors.status}</ValidationMessage>
        )}
      </Fieldset>
      <Textfield
        label={t('followUp.report.progress')}
        description={t('followUp.report.progressHelp')}
        inputMode="numeric"
        {...form.field('progress')}
      />
      <div className="stack stack--tight">
        <Label asChild>
          <span id={doneLabel}>{t('followUp.report.done')}</span>
        </Label>
        <RichTextEditor
          content={form.values.done}
          onChange={(doc) => form.set('done', doc)}
          labelId={doneLabel}
          toolbarLabel={t('followUp.report.toolbar', { part: t('followUp.report.done') })}
          describedBy={form.errors.done ? doneError : ''}
          invalid={Boolean(form.errors.done)}
        />
        {form.errors.done && <ValidationMessage id={doneError}>{form.errors.done}</ValidationMessage>}
      </div>
      <div className="stack stack--tight">
        <Label asChild>
          <span id={nextLabel}>{t('followUp.report.next')}</span>
        </Label>
        <RichTextEditor
          content={form.values.next}
          onChange={(doc) => form.set('next', doc)}
          labelId={nextLabel}
          toolbarLabel={t('followUp.report.toolbar', { part: t('followUp.report.next') })}
          describedBy={form.errors.next ? nextError : ''}
          invalid={Boolean(form.errors.next)}
        />
        {form.errors.next && <ValidationMessage id={nextError}>{form.errors.next}</ValidationMessage>}
      </div>
      <Textfield
        label={t('followUp.report.spent')}
        description={t('followUp.report.spentHelp')}
        inputMode="numeric"
        {...form.field('spentNok')}
      />
      {report.indicators.length > 0 && (
        <Fieldset>
          <Fieldset.Legend>{t('followUp.report.indicators')}</Fieldset.Legend>
          <Fieldset.Description>{t('followUp.report.indicatorsHelp')}</Fieldset.Description>
          <div className="follow-up-values">
            {report.indicators.map((indicator) => (
              <Fieldset key={indicator.id} data-size="sm">
                <Fieldset.Legend>{indicator.name}</Fieldset.Legend>
                <Textfield
                  label={t('followUp.report.value', { unit: indicator.unit })}
                  inputMode="decimal"
                  value={form.values.values[indicator.id]?.value ?? ''}
                  onChange={(e) => setValue(indicator.id, 'value', e.target.value)}
                  error={errorOf(indicator.id, 'value') ?? errorOf(indicator.id, 'unit')}
                />
                <Textfield
                  label={t('followUp.report.measuredOn')}
                  type="date"
                  value={form.values.values[indicator.id]?.measuredOn ?? ''}
                  onChange={(e) => setValue(indicator.id, 'measuredOn', e.target.value)}
                  error={errorOf(indicator.id, 'measuredOn')}
                />
              </Fieldset>
            ))}
          </div>
        </Fieldset>
      )}
      <div className="row">
        <Button type="submit" disabled={form.submitting} onClick={() => (submitting.current = true)}>
          {t('followUp.report.submit')}
        </Button>
        <Button
          type="submit"
          variant="secondary"
          disabled={form.submitting}
          onClick={() => (submitting.current = false)}
        >
          {t('followUp.report.saveDraft')}
        </Button>
      </div>
    </form>
  );
}

/** The report as it stands, for those who do not write it now. */
function SubmittedReport({ report }: { report: CommitmentReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const r = report.report;
  if (!r) {
    return (
      <Paragraph>
        {report.roundState === 'closed' ? t('followUp.report.noneClosed') : t('followUp.report.noneYet')}
      </Paragraph>
    );
  }
  return (
    <section className="stack page-section">
      <dl className="facts">
        <dt>{t('followUp.report.status')}</dt>
        <dd>{r.status ? t(`followUp.status.${r.status}`) : '–'}</dd>
        <dt>{t('followUp.report.progress')}</dt>
        <dd>{r.progress === null ? '–' : `${r.progress} %`}</dd>
        <dt>{t('followUp.report.spent')}</dt>
        <dd>{r.spentNok === null ? '–' : formatNok(r.spentNok, locale)}</dd>
        {r.submittedByName && (
          <>
            <dt>{t('followUp.report.submittedBy')}</dt>
            <dd>{r.submittedByName}</dd>
          </>
        )}
      </dl>
      <Heading level={2} data-size="xs">
        {t('followUp.report.done')}
      </Heading>
      {r.done ? <RichText doc={r.done} headingOffset={2} /> : <Paragraph>–</Paragraph>}
      <Heading level={2} data-size="xs">
        {t('followUp.report.next')}
      </Heading>
      {r.next ? <RichText doc={r.next} headingOffset={2} /> : <Paragraph>–</Paragraph>}
      {r.values.length > 0 && (
        <>
          <Heading level={2} data-size="xs">
            {t('followUp.report.indicators')}
          </Heading>
          <ul className="follow-up-plain-list">
            {r.values.map((v) => {
              const indicator = report.indicators.find((i) => i.id === v.indicatorId);
              return (
                <li key={`${v.indicatorId}-${v.measuredOn}`}>
                  {t('followUp.report.valueOn', {
                    name: indicator?.name ?? '',
                    value: formatValue(v.value, v.unit, locale),
                    date: formatDate(v.measuredOn, locale),
                  })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
