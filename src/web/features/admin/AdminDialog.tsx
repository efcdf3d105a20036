import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';

/**
 * A modal dialog named by its heading. Its content is mounted only while it is open, so a form in it starts
 * afresh each time; the browser gives focus back to the button that opened it when it closes.
 */
export function AdminDialog({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Dialog open={open} onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId}>
      {open && (
        <div className="stack">
          <Heading id={headingId} level={2} data-size="sm">
            {title}
          </Heading>
          {children}
        </div>
      )}
    </Dialog>
  );
}

/** What the server said when it refused: its field errors (e.g. the last admin) or its title. */
export function refusalOf(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const fields = Object.values(error.fieldErrors());
  return fields.length ? fields.join(' ') : error.problem.title || fallback;
}

/**
 * Asks before an action with consequences, and says them in words. A refusal of the server is shown in the
 * dialog, which then stays open.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  body,
  confirmLabel,
  danger,
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
    <AdminDialog open={open} onClose={close} title={title}>
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
    </AdminDialog>
  );
}
