import { Dialog, Heading } from '@digdir/designsystemet-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog named by its heading. Its content is mounted only while it is open, so a form in it starts
 * afresh every time; the browser gives the focus back to what opened it when it closes.
 */
export function GpDialog({
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
