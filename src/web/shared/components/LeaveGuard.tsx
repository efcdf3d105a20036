import { Button, Paragraph } from '@digdir/designsystemet-react';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BlockerFunction, useBlocker } from 'react-router';
import { anyUnsaved, type UnsavedForms, UnsavedFormsContext } from '../unsaved-changes';
import { ModalDialog } from './ModalDialog';

/**
 * Asks before a navigation inside the app leaves a form with unsaved changes (a link, a button that
 * navigates, the browser's back button), in a dialog that offers to stay or to leave. Forms say they have
 * unsaved changes through useUnsavedChanges (useForm does it for them). A router has one blocker, so the
 * whole app has this one guard. Changing only the search parameters (a filter) stays on the page and is
 * never stopped.
 */
export function LeaveGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [forms] = useState<UnsavedForms>(() => new Map());
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && anyUnsaved(forms),
    [forms],
  );
  const blocker = useBlocker(shouldBlock);
  const stay = () => blocker.reset?.();

  return (
    <UnsavedFormsContext.Provider value={forms}>
      {children}
      <ModalDialog open={blocker.state === 'blocked'} onClose={stay} title={t('app.unsavedTitle')}>
        <Paragraph>{t('app.unsavedChanges')}</Paragraph>
        <div className="row">
          {/* Staying is the safe choice, so it has the focus when the dialog opens. */}
          <Button autoFocus onClick={stay}>
            {t('app.stay')}
          </Button>
          <Button variant="secondary" data-color="danger" onClick={() => blocker.proceed?.()}>
            {t('app.leave')}
          </Button>
        </div>
      </ModalDialog>
    </UnsavedFormsContext.Provider>
  );
}
