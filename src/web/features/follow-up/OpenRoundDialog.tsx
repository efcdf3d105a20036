import { Button, Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OpenRoundInput, type ReportingRound } from '../../../shared/contracts/follow-up';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { QueryState } from '../../shared/components/QueryState';
import { useForm } from '../../shared/use-form';
import { useCommitments, useOpenRound } from './follow-up.api';
import { ownerName } from './follow-up-format';

/**
 * "Åpne rapporteringsrunde": a round of the cycle with its name and deadline, covering the cycle's active
 * commitments (all of them unless some are unticked). Reminders go out 14 and 3 days before the deadline.
 */
export function OpenRoundDialog({
  open,
  cycleId,
  onClose,
  onDone,
}: {
  open: boolean;
  cycleId: string;
  onClose: () => void;
  onDone: (round: ReportingRound) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('followUp.openRound.title')}>
      <OpenRoundForm cycleId={cycleId} onCancel={onClose} onDone={onDone} />
    </ModalDialog>
  );
}

type Values = { name: string; deadline: string; excluded: string[] };

function OpenRoundForm({
  cycleId,
  onCancel,
  onDone,
}: {
  cycleId: string;
  onCancel: () => void;
  onDone: (round: ReportingRound) => void;
}) {
  const { t } = useTranslation();
  const commitments = useCommitments(cycleId);
  const openRound = useOpenRound();
  const active = (commitments.data ?? []).filter((c) => c.state === 'active');
  const [schema] = useState(() =>
    z.preprocess((raw) => {
      const v = raw as Values;
      return { cycleId, name: v.name, deadline: v.deadline };
    }, OpenRoundInput),
  );
  const form = useForm(schema, { name: '', deadline: '', excluded: [] } as Values);
  const excluded = new Set(form.values.excluded);
  const toggle = (id: string, on: boolean) =>
    form.set('excluded', on ? form.values.excluded.filter((x) => x !== id) : [...form.values.excluded, id]);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        const chosen =
          excluded.size === 0 ? undefined : active.filter((c) => !excluded.has(c.id)).map((c) => c.id);
        onDone(await openRound.mutateAsync({ ...data, commitmentIds: chosen }));
      })}
    >
      <FormError
        summary={form.summary}
        error={form.formError}
        errors={form.errors}
        fields={['name', 'deadline']}
      />
      <Textfield
        label={t('followUp.openRound.name')}
        description={t('followUp.openRound.nameHelp')}
        {...form.field('name')}
      />
      <Textfield
        label={t('followUp.openRound.deadline')}
        description={t('followUp.openRound.deadlineHelp')}
        type="date"
        {...form.field('deadline')}
      />
      <QueryState query={commitments}>
        {() =>
          active.length === 0 ? (
            <Paragraph>{t('followUp.openRound.noCommitments')}</Paragraph>
          ) : (
            <Fieldset>
              <Fieldset.Legend>{t('followUp.openRound.commitments')}</Fieldset.Legend>
              <Fieldset.Description>
                {t('followUp.openRound.commitmentsHelp', { count: active.length - excluded.size })}
              </Fieldset.Description>
              <div className="row">
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => form.set('excluded', [])}
                >
                  {t('followUp.openRound.all')}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() =>
                    form.set(
                      'excluded',
                      active.map((c) => c.id),
                    )
                  }
                >
                  {t('followUp.openRound.none')}
                </Button>
              </div>
              {active.map((c) => (
                <Checkbox
                  key={c.id}
                  label={`${c.title} (${c.region.name}, ${ownerName(c.owner, c.region.name)})`}
                  checked={!excluded.has(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
              ))}
            </Fieldset>
          )
        }
      </QueryState>
      <DialogButtons
        submitting={form.submitting}
        submit={t('followUp.openRound.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}
