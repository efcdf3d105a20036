import { Alert, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Divergence,
  divergenceResolutions,
  ResolveDivergenceInput,
} from '../../../shared/contracts/adoption';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import { QueryState } from '../../shared/components/QueryState';
import { SelectField } from '../../shared/components/SelectField';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { orNull, useForm } from '../../shared/use-form';
import { AdoptionRadios } from './AdoptionRadios';
import { useResolveDivergence, useSpecialPartVersions } from './adoption.api';
import { divergenceSource } from './adoption-format';

/** The server's checks, and the note it asks for when the agreement goes back to negotiation. */
const ResolveForm = ResolveDivergenceInput.superRefine((v, ctx) => {
  if (v.resolution === 'renegotiate' && !v.note) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'validation.required' });
  }
});

const shownFields = ['resolution', 'specialPartVersionId', 'note'];

type Resolution = (typeof divergenceResolutions)[number];

/**
 * Resolves a change a body made to the agreement (the coordinator): taken into a newer agreed version of the
 * special part, or the agreement sent back to negotiation with a note saying why.
 */
export function ResolveDivergenceDialog({
  agreementId,
  divergence,
  onClose,
  onResolved,
}: {
  agreementId: string;
  divergence: Divergence | null;
  onClose: () => void;
  onResolved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={divergence !== null}
      onClose={onClose}
      title={divergence ? t('adoption.resolve.title', { source: divergenceSource(t, divergence) }) : ''}
    >
      {divergence && (
        <ResolveDivergenceForm
          key={divergence.id}
          agreementId={agreementId}
          divergence={divergence}
          onCancel={onClose}
          onResolved={onResolved}
        />
      )}
    </ModalDialog>
  );
}

function ResolveDivergenceForm({
  agreementId,
  divergence,
  onCancel,
  onResolved,
}: {
  agreementId: string;
  divergence: Divergence;
  onCancel: () => void;
  onResolved: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const resolve = useResolveDivergence(agreementId);
  const versions = useSpecialPartVersions(agreementId, true);
  const form = useForm(ResolveForm, {
    resolution: '' as Resolution | '',
    specialPartVersionId: null as string | null,
    note: '',
  });
  const accepting = form.values.resolution === 'accepted';
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (input) => {
        await resolve.mutateAsync({
          id: divergence.id,
          ...input,
          specialPartVersionId: input.resolution === 'accepted' ? input.specialPartVersionId : null,
        });
        onResolved();
      })}
    >
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={shownFields} />
      <div className="stack stack--tight">
        <Paragraph data-size="sm" className="muted">
          {t('adoption.resolve.changedText')}
        </Paragraph>
        <blockquote className="adoption-change">{divergence.changedText}</blockquote>
      </div>
      <AdoptionRadios
        legend={t('adoption.resolve.resolution')}
        options={divergenceResolutions.map((r) => ({ value: r, label: t(`adoption.resolve.${r}`) }))}
        value={form.values.resolution}
        onChange={(r) => form.set('resolution', r)}
        error={form.errors.resolution}
      />
      {accepting && (
        <QueryState query={versions}>
          {(all) => {
            const newer = all.filter(
              (v) => v.state === 'agreed' && v.agreedAt !== null && v.agreedAt > divergence.createdAt,
            );
            return newer.length === 0 && !form.values.specialPartVersionId ? (
              <Alert data-color="warning">
                <Paragraph>{t('adoption.resolve.noVersion')}</Paragraph>
                <Paragraph>
                  <Link to={`/avtaler/${encodeURIComponent(agreementId)}/spesiell-del`}>
                    {t('adoption.resolve.toSpecialPart')}
                  </Link>
                </Paragraph>
                {form.errors.specialPartVersionId && (
                  <Paragraph>{form.errors.specialPartVersionId}</Paragraph>
                )}
              </Alert>
            ) : (
              <SelectField
                label={t('adoption.resolve.version')}
                description={t('adoption.resolve.versionHelp')}
                {...form.field('specialPartVersionId', orNull)}
              >
                <option value="">{t('adoption.resolve.chooseVersion')}</option>
                {newer.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('adoption.resolve.versionOption', {
                      number: v.number,
                      date: formatDate(v.agreedAt, locale),
                    })}
                  </option>
                ))}
              </SelectField>
            );
          }}
        </QueryState>
      )}
      {form.values.resolution === 'renegotiate' && (
        <Alert data-color="warning">
          <Paragraph>{t('adoption.resolve.renegotiateWarning')}</Paragraph>
        </Alert>
      )}
      <Textfield
        label={
          form.values.resolution === 'renegotiate'
            ? t('adoption.resolve.note')
            : `${t('adoption.resolve.note')} ${t('common.optional')}`
        }
        description={t(
          form.values.resolution === 'renegotiate'
            ? 'adoption.resolve.noteHelpRenegotiate'
            : 'adoption.resolve.noteHelpAccepted',
        )}
        multiline
        rows={3}
        {...form.field('note')}
      />
      <DialogButtons submitting={form.submitting} submit={t('adoption.resolve.submit')} onCancel={onCancel} />
    </form>
  );
}
