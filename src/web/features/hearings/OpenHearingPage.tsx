import { Button, Card, Checkbox, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { IsoDate } from '../../../shared/contracts/common';
import type { Cycle, GeneralPartVersionSummary } from '../../../shared/contracts/general-part';
import {
  type HearingKind,
  hearingKinds,
  hearingPath,
  OpenHearingInput,
  type RegionRef,
  RegisterHearingInput,
} from '../../../shared/contracts/hearings';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { FormError } from '../../shared/components/FormError';
import type { NoticeState } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { useCurrentCycle } from '../../shared/current-cycle';
import { formatShortDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useForm } from '../../shared/use-form';
import { useGeneralPart } from '../general-part';
import { useHearings, useOpenHearing, useRegions, useRegisterHearing } from './hearings.api';
import { RadioGroup } from './RadioGroup';
import { RegionChecklist } from './RegionChecklist';

const formFields = [
  'cycleId',
  'versionId',
  'kind',
  'openedOn',
  'deadline',
  'invitedRegionIds',
  'coverLetter',
];

/** A version can go on hearing while it is a draft, or already on hearing (a formal round after an informal). */
const readyForHearing = (v: GeneralPartVersionSummary) => v.state === 'draft' || v.state === 'on_hearing';

/**
 * "Send på høring" (admin): a version of the cycle's general part, the kind of hearing, the deadline, the
 * invited regions and the cover letter. Sending freezes the version and e-mails the regions, so a
 * confirmation says so first. "Høringen er allerede gjennomført" registers a hearing held before the
 * county used Partnerskap instead: the day it was sent out and a deadline that has passed, and no e-mail.
 */
export function OpenHearingPage() {
  const { t } = useTranslation();
  const { cycles, cycle } = useCurrentCycle();
  return (
    <Page title={t('hearings.open.title')}>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <CycleForm cycle={cycle} />
          ) : (
            <Card>
              <Paragraph>{t('hearings.list.noCycleAdmin')}</Paragraph>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}

function CycleForm({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const part = useGeneralPart(cycle.id);
  const regions = useRegions();
  const open = useHearings({ cycle: cycle.id, state: 'open' });
  return (
    <QueryState query={open}>
      {(openNow) => {
        const current = openNow[0];
        // While a hearing is open no other can be opened, but one that took place earlier can still be
        // registered afterwards: it is closed from the start.
        const notice = current ? (
          <Card className="stack">
            <Paragraph>{t('hearings.open.alreadyOpen', { cycle: cycle.name })}</Paragraph>
            <Link to={hearingPath(current.id)}>{t('hearings.open.toOpenHearing')}</Link>
          </Card>
        ) : null;
        return (
          <QueryState query={part}>
            {(p) => (
              <QueryState query={regions}>
                {(all) => {
                  const ready = p.versions.filter(readyForHearing);
                  if (ready.length === 0) {
                    return (
                      notice ?? (
                        <Card className="stack">
                          <Paragraph>{t('hearings.open.noVersion')}</Paragraph>
                          <Link to="/general-part">{t('hearings.open.toGeneralPart')}</Link>
                        </Card>
                      )
                    );
                  }
                  const preferred = ready.find((v) => v.id === p.draftVersionId) ?? ready[0];
                  return (
                    <>
                      {notice}
                      <OpenForm
                        onlyRegister={notice !== null}
                        cycle={cycle}
                        versions={ready}
                        initialVersionId={preferred?.id ?? ''}
                        regions={all.map((r) => ({ id: r.id, name: r.name }))}
                      />
                    </>
                  );
                }}
              </QueryState>
            )}
          </QueryState>
        );
      }}
    </QueryState>
  );
}

function OpenForm({
  onlyRegister,
  cycle,
  versions,
  initialVersionId,
  regions,
}: {
  /** Another hearing is open: only one that took place can be registered. */
  onlyRegister: boolean;
  cycle: Cycle;
  versions: GeneralPartVersionSummary[];
  initialVersionId: string;
  regions: RegionRef[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  const openHearing = useOpenHearing();
  const registerHearing = useRegisterHearing();
  const [confirming, setConfirming] = useState(false);
  const [registered, setRegistered] = useState(onlyRegister);
  // The server's rules, checked as the date is typed: a hearing opened now cannot have its deadline in the
  // past, one registered afterwards must have it passed (Oslo time).
  const schema = useMemo(
    () =>
      registered
        ? RegisterHearingInput.refine((v) => v.deadline < todayInOslo(), {
            error: 'validation.deadlineNotPassed',
            path: ['deadline'],
          })
        : OpenHearingInput.extend({
            deadline: IsoDate.refine((d) => d >= todayInOslo(), { error: 'validation.deadlineInPast' }),
          }),
    [registered],
  );
  const form = useForm(schema, {
    cycleId: cycle.id,
    versionId: initialVersionId,
    kind: '' as HearingKind | '',
    openedOn: '',
    deadline: '',
    invitedRegionIds: regions.map((r) => r.id),
    coverLetter: '',
  });
  const { values, errors } = form;
  const version = versions.find((v) => v.id === values.versionId);

  const send = form.submit(async (data) => {
    if (registered) {
      const hearing = await registerHearing.mutateAsync(data as RegisterHearingInput);
      const state: NoticeState = {
        notice: t('hearings.open.registered', {
          number: hearing.versionNumber,
          count: hearing.invitedRegions.length,
        }),
      };
      navigate(hearingPath(hearing.id), { state });
      return;
    }
    const hearing = await openHearing.mutateAsync(data as OpenHearingInput);
    // What became of the e-mail, as the answer says: waiting to be sent, or kept (no mail server).
    const state: NoticeState = {
      notice: t('hearings.open.done', {
        number: hearing.versionNumber,
        count: hearing.invitedRegions.length,
      }),
      mail: { outcome: hearing.mail, unreached: hearing.regionsWithoutContact.map((r) => r.name) },
    };
    navigate(hearingPath(hearing.id), { state });
  });

  /** The confirmation comes only once the form is valid; otherwise submitting shows the errors. */
  const ask = (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (schema.safeParse(values).success) setConfirming(true);
    else void send();
  };

  return (
    <>
      <form className="stack hearings-form" noValidate onSubmit={ask}>
        <Paragraph>
          {onlyRegister
            ? t('hearings.open.registerOnlyIntro')
            : t('hearings.open.intro', { cycle: cycle.name })}
        </Paragraph>
        <FormError summary={form.summary} error={form.formError} errors={errors} fields={formFields} />
        <SelectField
          label={t('hearings.open.version')}
          description={t('hearings.open.versionHelp')}
          {...form.field('versionId')}
        >
          {versions.map((v) => (
            <Select.Option key={v.id} value={v.id}>
              {t('hearings.open.versionOption', {
                number: v.number,
                state: t(`generalPart.state.${v.state}`),
              })}
            </Select.Option>
          ))}
        </SelectField>
        <RadioGroup
          legend={t('hearings.open.kind')}
          description={t('hearings.open.kindHelp')}
          name="kind"
          options={hearingKinds.map((k) => ({ value: k, label: t(`hearings.kind.${k}`) }))}
          value={values.kind}
          onChange={(k) => form.set('kind', k)}
          error={errors.kind ? t('hearings.open.chooseKind') : undefined}
        />
        {!onlyRegister && (
          <Checkbox
            label={t('hearings.open.alreadyHeld')}
            description={t('hearings.open.alreadyHeldHelp')}
            checked={registered}
            onChange={(e) => setRegistered(e.target.checked)}
          />
        )}
        {registered && (
          <Textfield
            label={t('hearings.open.openedOn')}
            description={t('hearings.open.openedOnHelp')}
            type="date"
            max={todayInOslo()}
            {...form.field('openedOn')}
          />
        )}
        <Textfield
          label={t('hearings.open.deadline')}
          description={t(registered ? 'hearings.open.pastDeadlineHelp' : 'hearings.open.deadlineHelp')}
          type="date"
          {...(registered ? { max: todayInOslo() } : { min: todayInOslo() })}
          {...form.field('deadline')}
        />
        <RegionChecklist
          regions={regions}
          selected={values.invitedRegionIds}
          onChange={(ids) => form.set('invitedRegionIds', ids)}
          error={errors.invitedRegionIds}
        />
        <Textfield
          label={t('hearings.open.coverLetter')}
          description={t('hearings.open.coverLetterHelp')}
          multiline
          rows={8}
          {...form.field('coverLetter')}
        />
        <div className="row">
          <Button type="submit" disabled={form.submitting} aria-haspopup="dialog">
            {form.submitting
              ? t('hearings.open.sending')
              : t(registered ? 'hearings.open.register' : 'hearings.open.submit')}
          </Button>
          <Button asChild variant="secondary">
            <Link to="/horinger">{t('common.cancel')}</Link>
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t(registered ? 'hearings.open.registerTitle' : 'hearings.open.confirmTitle', {
          number: version?.number ?? '',
        })}
        body={t(registered ? 'hearings.open.registerBody' : 'hearings.open.confirmBody', {
          number: version?.number ?? '',
          count: values.invitedRegionIds.length,
          openedOn: values.openedOn ? formatShortDate(values.openedOn, locale) : '',
          deadline: values.deadline ? formatShortDate(values.deadline, locale) : '',
        })}
        confirmLabel={t(registered ? 'hearings.open.register' : 'hearings.open.confirm')}
        onConfirm={send}
      />
    </>
  );
}
