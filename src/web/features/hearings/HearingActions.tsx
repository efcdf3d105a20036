import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDate } from '../../../shared/contracts/common';
import { ExtendHearingInput, type Hearing, type HearingMailed } from '../../../shared/contracts/hearings';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { FormError } from '../../shared/components/FormError';
import { DialogButtons, ModalDialog } from '../../shared/components/ModalDialog';
import type { MailReport } from '../../shared/components/Notice';
import { formatShortDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useForm } from '../../shared/use-form';
import { useCloseHearing, useExtendHearing } from './hearings.api';

/**
 * The coordinator's changes to an open hearing: a later deadline (every invited region is told by e-mail,
 * and the notice says whether that e-mail goes out or stays in the outbox)
 * and closing it before the deadline (then nobody but the coordinator can add input, and every invited
 * region sees all of it). A closed hearing is never reopened.
 */
export function HearingActions({
  hearing,
  onNotice,
}: {
  hearing: Hearing;
  onNotice: (text: string, mail?: MailReport) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [dialog, setDialog] = useState<'extend' | 'close' | null>(null);
  const close = useCloseHearing(hearing.id);
  if (hearing.state !== 'open') return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setDialog('extend')} aria-haspopup="dialog">
        {t('hearings.extend.action')}
      </Button>
      <Button variant="secondary" onClick={() => setDialog('close')} aria-haspopup="dialog">
        {t('hearings.close.action')}
      </Button>
      <ModalDialog
        open={dialog === 'extend'}
        onClose={() => setDialog(null)}
        title={t('hearings.extend.title')}
      >
        <ExtendForm
          hearing={hearing}
          onCancel={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            onNotice(t('hearings.extend.done', { deadline: formatShortDate(saved.deadline, locale) }), {
              outcome: saved.mail,
              unreached: saved.regionsWithoutContact.map((r) => r.name),
            });
          }}
        />
      </ModalDialog>
      <ConfirmDialog
        open={dialog === 'close'}
        onClose={() => setDialog(null)}
        title={t('hearings.close.title')}
        body={t('hearings.close.body', {
          deadline: formatShortDate(hearing.deadline, locale),
          count: hearing.invitedRegions.length,
        })}
        confirmLabel={t('hearings.close.confirm')}
        danger
        onConfirm={async () => {
          await close.mutateAsync({ version: hearing.version });
          onNotice(t('hearings.close.done'));
        }}
      />
    </>
  );
}

function ExtendForm({
  hearing,
  onCancel,
  onDone,
}: {
  hearing: Hearing;
  onCancel: () => void;
  onDone: (saved: HearingMailed) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const extend = useExtendHearing(hearing.id);
  // The server's rule, said as the date is typed: the new deadline comes after the one in force.
  const schema = useMemo(
    () =>
      ExtendHearingInput.extend({
        deadline: IsoDate.refine((d) => d > hearing.deadline, { error: 'validation.deadlineNotLater' }),
      }),
    [hearing.deadline],
  );
  const form = useForm(schema, { deadline: '', version: hearing.version });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        onDone(await extend.mutateAsync(data));
      })}
    >
      <Paragraph>
        {t('hearings.extend.body', {
          deadline: formatShortDate(hearing.deadline, locale),
          count: hearing.invitedRegions.length,
        })}
      </Paragraph>
      <FormError summary={form.summary} error={form.formError} errors={form.errors} fields={['deadline']} />
      <Textfield
        label={t('hearings.extend.deadline')}
        type="date"
        min={hearing.deadline}
        {...form.field('deadline')}
      />
      <DialogButtons submitting={form.submitting} submit={t('hearings.extend.submit')} onCancel={onCancel} />
    </form>
  );
}
