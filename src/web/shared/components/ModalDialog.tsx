import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { anyUnsaved, type UnsavedForms, UnsavedFormsContext } from '../unsaved-changes';

/**
 * The forms inside one dialog, also told to the app's leave guard: a dialog asks before its own forms'
 * changes are thrown away, and a navigation still asks as before.
 */
class DialogForms extends Map<string, boolean> {
  constructor(private readonly outer: UnsavedForms | null) {
    super();
  }

  override set(key: string, value: boolean): this {
    this.outer?.set(key, value);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.outer?.delete(key);
    return super.delete(key);
  }
}

/** Runs `then` at once, or after the person has agreed to throw away what the dialog's forms hold. */
const DiscardContext = createContext<((then: () => void) => void) | null>(null);

/**
 * A modal dialog named by its heading. Its content is mounted only while it is open, so a form in it starts
 * afresh every time; the browser gives focus back to the button that opened it when it closes. Closing it
 * (✕, Escape, or a form's Avbryt) while a form in it has unsaved changes first asks whether to discard them.
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
  const outer = useContext(UnsavedFormsContext);
  const forms = useMemo(() => new DialogForms(outer), [outer]);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const discardButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) setPending(null);
  }, [open]);
  useEffect(() => {
    if (pending) discardButton.current?.focus();
  }, [pending]);

  const guard = (then: () => void) => {
    if (anyUnsaved(forms)) setPending(() => then);
    else then();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      closeButton={false}
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape: the browser would close the dialog; with unsaved changes it asks first.
        if (anyUnsaved(forms)) {
          event.preventDefault();
          setPending(() => onClose);
        }
      }}
    >
      {/* Designsystemet's close button look (it styles a dialog's first `command="close"` button); the
          click is ours, so that unsaved changes are asked about first. */}
      <Button
        aria-label={t('common.close')}
        data-color="neutral"
        icon
        variant="tertiary"
        {...{ command: 'close' }}
        onClick={() => guard(onClose)}
      />
      {open && (
        <div className="stack">
          <Heading id={headingId} level={2} data-size="sm">
            {title}
          </Heading>
          {pending && (
            <Alert data-color="warning">
              <Paragraph>{t('app.discardChanges')}</Paragraph>
              <div className="row">
                <Button
                  ref={discardButton}
                  type="button"
                  onClick={() => {
                    const then = pending;
                    setPending(null);
                    then();
                  }}
                >
                  {t('app.discard')}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setPending(null)}>
                  {t('app.keepEditing')}
                </Button>
              </div>
            </Alert>
          )}
          <UnsavedFormsContext.Provider value={forms}>
            <DiscardContext.Provider value={guard}>{children}</DiscardContext.Provider>
          </UnsavedFormsContext.Provider>
        </div>
      )}
    </Dialog>
  );
}

/**
 * The way out of a dialog's form without saving: `onCancel`, after asking when the dialog's forms hold
 * unsaved changes. For a form whose buttons are more than `DialogButtons` has.
 */
export function useDialogCancel(onCancel: () => void): () => void {
  const guard = useContext(DiscardContext);
  return () => (guard ? guard(onCancel) : onCancel());
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
  const cancel = useDialogCancel(onCancel);
  return (
    <div className="row">
      <Button type="submit" disabled={submitting}>
        {submitting ? t('common.saving') : submit}
      </Button>
      <Button type="button" variant="secondary" onClick={cancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
