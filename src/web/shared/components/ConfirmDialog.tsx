import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { ModalDialog } from './ModalDialog';

/** What the server said when it refused: its field errors (e.g. "the last admin") or its title. */
function refusalOf(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const fields = Object.values(error.fieldErrors());
  return fields.length ? fields.join(' ') : error.problem.title || fallback;
}

/**
 * Asks before an action with consequences, and says them in words. `danger` colours the button of an
 * action that removes or shuts out. A refusal of the server (e.g. "in use") is shown in the dialog, which
 * then stays open.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  body,
  confirmLabel,
  danger = false,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
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
      setError(refusalOf(e, t('errors.internal')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalDialog open={open} onClose={close} title={title}>
      <Paragraph>{body}</Paragraph>
      {error && (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      )}
      <div className="row">
        <Button data-color={danger ? 'danger' : undefined} onClick={() => void confirm()} disabled={busy}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t('common.cancel')}
        </Button>
      </div>
    </ModalDialog>
  );
}
