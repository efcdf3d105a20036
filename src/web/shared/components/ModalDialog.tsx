import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog named by its heading. Its content is mounted only while it is open, so a form in it starts
 * afresh every time; the browser gives focus back to the button that opened it when it closes.
 */
export function ModalDialog({
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

/** A dialog form's submit button, saying what happens, and the way out without saving. */
export function DialogButtons({
  submitting,
  submit,
  onCancel,
}: {
  submitting: boolean;
  submit: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <Button type="submit" disabled={submitting}>
        {submitting ? t('common.saving') : submit}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
