import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Select,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type BatchPlan, CreateCaseInput } from '../../../shared/contracts/cases';
import { FormError } from '../../shared/components/FormError';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { formatDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { orNull, useForm } from '../../shared/use-form';
import { politicalPaths, useBatchPlan, useBodies, useCreateCase } from './political.api';
import { daysBetween } from './political-format';

/**
 * The batch planner (the coordinator's): every agreement of the cycle, ready for the executive board or
 * with what it still lacks in words; the ready ones are chosen, and the board's meeting among those whose
 * deadline for case documents has not passed. "Lag sak" writes the case from the live process and opens it.
 */
export function BatchPlanner({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const plan = useBatchPlan(cycleId, true);
  return (
    <section className="stack political-planner" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('political.planner.heading')}
      </Heading>
      <Paragraph>{t('political.planner.intro')}</Paragraph>
      <QueryState query={plan}>
        {(p) => (
          // A meeting added to the board's plan meanwhile starts the form again, with it chosen.
          <PlannerForm
            key={`${p.cycleId}:${p.reachableMeetings.map((m) => m.id).join(',')}`}
            plan={p}
            cycleId={cycleId}
          />
        )}
      </QueryState>
    </section>
  );
}

const shownFields = ['agreementIds', 'meetingId'];

function PlannerForm({ plan, cycleId }: { plan: BatchPlan; cycleId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const create = useCreateCase();
  const board = useBodies({ kind: 'executive_board' });
  const boardBody = board.data?.[0];
  const legendId = useId();
  const errorId = useId();
  const ready = plan.agreements.filter((a) => a.ready);
  const waiting = plan.agreements.filter((a) => !a.ready);
  const form = useForm(CreateCaseInput, {
    cycleId,
    agreementIds: [] as string[],
    meetingId: plan.reachableMeetings[0]?.id ?? null,
  });
  const chosen = new Set(form.values.agreementIds);
  const choose = (ids: Set<string>) =>
    form.set(
      'agreementIds',
      ready.map((a) => a.agreementId).filter((id) => ids.has(id)),
    );
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    choose(next);
  };
  const today = todayInOslo();
  const meetingLabel = (m: BatchPlan['reachableMeetings'][number]) =>
    m.documentsDue
      ? t('political.planner.meetingOption', {
          date: formatDate(m.date, locale),
          due: formatDate(m.documentsDue, locale),
          count: daysBetween(today, m.documentsDue),
        })
      : t('political.planner.meetingOptionNoDeadline', { date: formatDate(m.date, locale) });

  if (plan.agreements.length === 0) {
    return <Paragraph>{t('political.planner.noAgreements')}</Paragraph>;
  }
  return (
    <>
      <form
        className="stack"
        noValidate
        onSubmit={form.submit(async (data) => {
          const made = await create.mutateAsync(data);
          navigate(politicalPaths.case(made.id), {
            state: { notice: t('political.planner.created', { title: made.title }) },
          });
        })}
      >
        <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={shownFields} />
        <Fieldset aria-describedby={form.errors.agreementIds ? errorId : undefined}>
          <Fieldset.Legend id={legendId}>
            {t('political.planner.readyLegend', { count: ready.length })}
          </Fieldset.Legend>
          <Fieldset.Description>
            {ready.length === 0 ? t('political.planner.noneReady') : t('political.planner.readyHelp')}
          </Fieldset.Description>
          {ready.length > 1 && (
            <div>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() =>
                  choose(chosen.size === ready.length ? new Set() : new Set(ready.map((a) => a.agreementId)))
                }
              >
                {chosen.size === ready.length
                  ? t('political.planner.chooseNone')
                  : t('political.planner.chooseAll')}
              </Button>
            </div>
          )}
          <div className="political-checklist">
            {ready.map((a) => (
              <Checkbox
                key={a.agreementId}
                label={a.regionName}
                value={a.agreementId}
                checked={chosen.has(a.agreementId)}
                onChange={(e) => toggle(a.agreementId, e.target.checked)}
              />
            ))}
          </div>
          {form.errors.agreementIds && (
            <ValidationMessage id={errorId}>{form.errors.agreementIds}</ValidationMessage>
          )}
        </Fieldset>
        <div className="political-narrow">
          <SelectField
            label={t('political.planner.meeting')}
            description={
              plan.reachableMeetings.length === 0
                ? t('political.planner.noMeetings')
                : t('political.planner.meetingHelp')
            }
            {...form.field('meetingId', orNull)}
          >
            <Select.Option value="">{t('political.planner.meetingLater')}</Select.Option>
            {plan.reachableMeetings.map((m) => (
              <Select.Option key={m.id} value={m.id}>
                {meetingLabel(m)}
              </Select.Option>
            ))}
          </SelectField>
        </div>
        {boardBody && (
          <Paragraph data-size="sm">
            <Link to={politicalPaths.body(boardBody.id)}>
              {t('political.planner.boardPlan', { body: boardBody.name })}
            </Link>
          </Paragraph>
        )}
        <div>
          <Button type="submit" disabled={form.submitting || ready.length === 0}>
            {form.submitting ? t('political.planner.creating') : t('political.planner.create')}
          </Button>
        </div>
      </form>
      {waiting.length > 0 && <NotReady agreements={waiting} />}
    </>
  );
}

/** The agreements that cannot go yet, each with what it lacks (or the open case it is in). */
function NotReady({ agreements }: { agreements: BatchPlan['agreements'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="stack stack--tight" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('political.planner.notReadyHeading', { count: agreements.length })}
      </Heading>
      <ul className="political-waiting" aria-labelledby={headingId}>
        {agreements.map((a) => (
          <li key={a.agreementId}>
            <span className="political-waiting__name">{a.regionName}</span>{' '}
            <Tag data-color={a.caseId ? 'info' : 'warning'} data-size="sm">
              {a.caseId ? t('political.planner.inCase') : t('political.planner.notReady')}
            </Tag>
            <ul>
              {a.reasons.map((r) =>
                r === 'inOpenCase' && a.caseId ? (
                  <li key={r}>
                    <Link to={politicalPaths.case(a.caseId)}>{t('political.reason.inOpenCase')}</Link>
                  </li>
                ) : (
                  <li key={r}>{t(`political.reason.${r}`)}</li>
                ),
              )}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
