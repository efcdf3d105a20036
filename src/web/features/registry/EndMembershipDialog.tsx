import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { type Membership, UpdateMemberInput } from '../../../shared/contracts/registry';
import { FormError, useConflict } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { formatDate, todayInOslo } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { orNull, useForm } from '../../shared/use-form';
import { useRegion, useUpdateMember } from './regions.api';

/** Ends a membership on a date (or moves or clears the end date); the start stays as it was. */
export function EndMembershipDialog({
  regionId,
  membership,
  onClose,
  onSaved,
}: {
  regionId: string;
  membership: Membership | null;
  onClose: () => void;
  onSaved: (m: Membership) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={membership !== null}
      onClose={onClose}
      title={t('registry.end.title', { name: membership?.municipalityName })}
    >
      {membership && (
        <EndForm
          regionId={regionId}
          membership={membership}
          onCancel={onClose}
          onSaved={(m) => {
            onSaved(m);
            onClose();
          }}
        />
      )}
    </ModalDialog>
  );
}

function EndForm({
  regionId,
  membership,
  onCancel,
  onSaved,
}: {
  regionId: string;
  membership: Membership;
  onCancel: () => void;
  onSaved: (m: Membership) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMember(regionId);
  const region = useRegion(regionId);
  const { conflict, guard, clear } = useConflict();
  const valuesOf = (m: Membership): { validFrom: string; validTo: string | null; version: number } => ({
    validFrom: m.validFrom,
    // An open membership is most often ended today; the coordinator changes the date if not.
    validTo: m.validTo ?? todayInOslo(),
    version: m.version,
  });
  const form = useForm(UpdateMemberInput, valuesOf(membership));

  const reload = async () => {
    const result = await region.refetch();
    const fresh = result.data?.members.find((m) => m.id === membership.id);
    if (fresh) form.reset(valuesOf(fresh));
    clear();
  };

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        onSaved(await guard(update.mutateAsync({ id: membership.id, ...data })));
      })}
    >
      <Paragraph>
        {t('registry.end.intro', { from: formatDate(membership.validFrom, currentLocale()) })}
      </Paragraph>
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict}
        conflictText={t('registry.conflict')}
        onReload={() => void reload()}
      />
      <Textfield
        type="date"
        label={t('registry.add.validTo')}
        description={t('registry.end.validToHelp')}
        {...form.field('validTo', orNull)}
        // The start is fixed here, so a clash with another period is the end date's doing.
        error={form.errors.validTo ?? form.errors.validFrom}
      />
      <DialogButtons submitting={form.submitting} submit={t('registry.end.submit')} onCancel={onCancel} />
    </form>
  );
}
