import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { QueryState } from '../../shared/components/QueryState';
import { useAgreements, useAllRegions, useCreateAgreements } from './agreements.api';

/**
 * "Opprett avtaler": the regions of the county that have no agreement in the cycle yet, all chosen at
 * first. Each agreement made pins the cycle's approved general part and takes the cycle's period.
 */
export function CreateAgreementsDialog({
  open,
  cycleId,
  onClose,
  onCreated,
}: {
  open: boolean;
  cycleId: string;
  onClose: () => void;
  onCreated: (count: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('agreements.create.title')}>
      <CreateForm cycleId={cycleId} onCancel={onClose} onCreated={onCreated} />
    </ModalDialog>
  );
}

function CreateForm({
  cycleId,
  onCancel,
  onCreated,
}: {
  cycleId: string;
  onCancel: () => void;
  onCreated: (count: number) => void;
}) {
  const { t } = useTranslation();
  const regions = useAllRegions();
  const agreements = useAgreements(cycleId);
  return (
    <QueryState query={regions}>
      {(all) => (
        <QueryState query={agreements}>
          {(existing) => {
            const taken = new Set(existing.map((a) => a.region.id));
            const free = all.filter((r) => !taken.has(r.id)).map((r) => ({ id: r.id, name: r.name }));
            return free.length === 0 ? (
              <>
                <Paragraph>{t('agreements.create.none')}</Paragraph>
                <div className="row">
                  <Button variant="secondary" onClick={onCancel}>
                    {t('common.close')}
                  </Button>
                </div>
              </>
            ) : (
              <Choice cycleId={cycleId} free={free} onCancel={onCancel} onCreated={onCreated} />
            );
          }}
        </QueryState>
      )}
    </QueryState>
  );
}

function Choice({
  cycleId,
  free,
  onCancel,
  onCreated,
}: {
  cycleId: string;
  free: { id: string; name: string }[];
  onCancel: () => void;
  onCreated: (count: number) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateAgreements();
  const [selected, setSelected] = useState<string[]>(() => free.map((r) => r.id));
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const id = useId();
  const chosen = new Set(selected);
  const allChosen = selected.length === free.length;
  const toggle = (regionId: string, on: boolean) =>
    setSelected(free.map((r) => r.id).filter((r) => (r === regionId ? on : chosen.has(r))));

  const submit = async (e: { preventDefault(): void }) => {
    e.preventDefault();
    setError(null);
    setFieldError(null);
    if (selected.length === 0) {
      setFieldError(t('validation.noRegions'));
      return;
    }
    try {
      const made = await create.mutateAsync(
        allChosen ? { cycleId, all: true } : { cycleId, regionIds: selected },
      );
      onCreated(made.length);
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = Object.values(err.fieldErrors());
        setError(fields.length ? fields.join(' ') : err.problem.title || t('errors.internal'));
      } else {
        setError(t('errors.internal'));
      }
    }
  };

  return (
    <form className="stack" noValidate onSubmit={submit}>
      <Paragraph>{t('agreements.create.intro')}</Paragraph>
      {error && (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      )}
      <Fieldset aria-describedby={fieldError ? `${id}-help ${id}-error` : `${id}-help`}>
        <Fieldset.Legend>{t('agreements.create.regions')}</Fieldset.Legend>
        <Fieldset.Description id={`${id}-help`}>
          {t('agreements.create.regionsHelp', { count: selected.length, total: free.length })}
        </Fieldset.Description>
        <Checkbox
          label={t('agreements.create.all')}
          checked={allChosen}
          onChange={(e) => setSelected(e.target.checked ? free.map((r) => r.id) : [])}
        />
        <div className="agreements-checklist">
          {free.map((r) => (
            <Checkbox
              key={r.id}
              label={r.name}
              value={r.id}
              checked={chosen.has(r.id)}
              onChange={(e) => toggle(r.id, e.target.checked)}
            />
          ))}
        </div>
        {fieldError && <ValidationMessage id={`${id}-error`}>{fieldError}</ValidationMessage>}
      </Fieldset>
      <DialogButtons
        submitting={create.isPending}
        submit={t('agreements.create.submit', { count: selected.length })}
        onCancel={onCancel}
      />
    </form>
  );
}
