import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApproveVersionInput, type GeneralPartVersion } from '../../../shared/contracts/general-part';
import { ApiError } from '../../shared/api';
import { ModalDialog } from '../../shared/components/ModalDialog';
import { todayInOslo } from '../../shared/format';
import { useForm } from '../../shared/use-form';
import { useApproveVersion, useVersion } from './general-part.api';

const formFields = ['date', 'body', 'caseNumber', 'decisionText', 'version'];

/**
 * Records the county executive board's approval of a version (date, body, case number, decision text). It
 * makes the version the cycle's general part and supersedes the one before, which cannot be undone, so the
 * dialog says so before anything is sent.
 */
export function ApproveDialog({
  version,
  current,
  open,
  onClose,
  onApproved,
}: {
  version: GeneralPartVersion;
  current: { number: number } | null;
  open: boolean;
  onClose: () => void;
  onApproved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title={t('generalPart.approve.title', { number: version.number })}
    >
      <ApproveForm version={version} current={current} onCancel={onClose} onApproved={onApproved} />
    </ModalDialog>
  );
}

function ApproveForm({
  version,
  current,
  onCancel,
  onApproved,
}: {
  version: GeneralPartVersion;
  current: { number: number } | null;
  onCancel: () => void;
  onApproved: () => void;
}) {
  const { t } = useTranslation();
  const approve = useApproveVersion(version.id);
  const fresh = useVersion(version.id);
  const [stale, setStale] = useState(false);
  const form = useForm(ApproveVersionInput, {
    date: todayInOslo(),
    body: t('generalPart.approve.defaultBody'),
    caseNumber: '',
    decisionText: '',
    version: version.version,
  });
  // Problems with the document itself (a required section without text) name their section, not a field.
  const documentErrors = Object.entries(form.errors)
    .filter(([field]) => !formFields.includes(field))
    .map(([, message]) => message);

  // A refusal is shown at the top of the dialog: take the focus there, so it is seen and read out.
  const problem = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (form.formError) problem.current?.focus();
  }, [form.formError]);

  const reload = async () => {
    const result = await fresh.refetch();
    if (result.data) form.set('version', result.data.version);
    setStale(false);
  };

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        setStale(false);
        try {
          await approve.mutateAsync(data);
        } catch (e) {
          if (e instanceof ApiError && e.status === 409 && e.problem.code === 'stale') setStale(true);
          throw e;
        }
        onApproved();
      })}
    >
      <Alert data-color="warning">
        <Paragraph>
          {current
            ? t('generalPart.approve.consequenceSupersedes', {
                number: version.number,
                current: current.number,
              })
            : t('generalPart.approve.consequence', { number: version.number })}
        </Paragraph>
        <Paragraph>
          <strong>{t('generalPart.approve.cannotUndo')}</strong>
        </Paragraph>
      </Alert>
      <div ref={problem} tabIndex={-1} className="focus-target">
        {stale ? (
          <Alert data-color="warning" role="alert">
            <Paragraph>{t('generalPart.approve.stale')}</Paragraph>
            <Button variant="secondary" data-size="sm" onClick={() => void reload()}>
              {t('common.reload')}
            </Button>
          </Alert>
        ) : (
          form.formError && (
            <Alert data-color="danger" role="alert">
              <Paragraph>
                {documentErrors.length > 0 ? t('generalPart.approve.incomplete') : form.formError}
              </Paragraph>
              {documentErrors.length > 0 && (
                <>
                  <ul>
                    {documentErrors.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                  {version.state === 'draft' && (
                    <Link to={`/general-part/versions/${version.id}/edit`}>
                      {t('generalPart.version.edit')}
                    </Link>
                  )}
                </>
              )}
            </Alert>
          )
        )}
      </div>
      <Textfield label={t('generalPart.approve.date')} type="date" {...form.field('date')} />
      <Textfield
        label={t('generalPart.approve.body')}
        description={t('generalPart.approve.bodyHelp')}
        {...form.field('body')}
        autoComplete="off"
      />
      <Textfield
        label={t('generalPart.approve.caseNumber')}
        description={t('generalPart.approve.caseNumberHelp')}
        {...form.field('caseNumber')}
        autoComplete="off"
      />
      <Textfield
        label={t('generalPart.approve.decisionText')}
        description={t('generalPart.approve.decisionTextHelp')}
        multiline
        rows={5}
        {...form.field('decisionText')}
      />
      <div className="row">
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('generalPart.approve.submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
