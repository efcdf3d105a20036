import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';
import { GpDialog } from './GpDialog';

/**
 * Asks before something that cannot be taken back, and says what happens. If the work fails, the server's
 * reason is shown in the dialog, which stays open.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  body,
  confirmLabel,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (e) {
      setError(e instanceof ApiError && e.problem.title ? e.problem.title : t('errors.internal'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <GpDialog open={open} onClose={close} title={title}>
      <Paragraph>{body}</Paragraph>
      {error && (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      )}
      <div className="row">
        <Button data-color="danger" onClick={() => void confirm()} disabled={busy}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t('common.cancel')}
        </Button>
      </div>
    </GpDialog>
  );
}
