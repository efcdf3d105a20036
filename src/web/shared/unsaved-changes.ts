import { createContext, useCallback, useContext, useEffect, useId } from 'react';

/**
 * The forms on screen that have changes not yet saved, kept by the app's leave guard
 * (components/LeaveGuard.tsx), which asks before a navigation inside the app leaves them behind.
 * `true` for a form with unsaved changes; a form that is being saved counts as saved, so the navigation
 * its save makes (to the new user, say) is not stopped.
 */
export type UnsavedForms = Map<string, boolean>;

export const UnsavedFormsContext = createContext<UnsavedForms | null>(null);

/** Whether any form on screen has changes that are not saved. */
export const anyUnsaved = (forms: UnsavedForms): boolean => [...forms.values()].some(Boolean);

/**
 * Warns before work that is not saved is left behind: the browser's own question when the tab is closed or
 * reloaded, and the app's dialog when a link or the back button inside the app would leave the page.
 * `whileSaving` runs the save; the navigation it makes on success goes through without asking.
 */
export function useUnsavedChanges(dirty: boolean) {
  const forms = useContext(UnsavedFormsContext);
  const id = useId();

  useEffect(() => {
    if (!dirty) return;
    forms?.set(id, true);
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => {
      forms?.delete(id);
      window.removeEventListener('beforeunload', warn);
    };
  }, [dirty, forms, id]);

  const whileSaving = useCallback(
    async <T>(save: () => Promise<T>): Promise<T> => {
      const registered = forms?.has(id) ?? false;
      if (registered) forms?.set(id, false);
      try {
        return await save();
      } finally {
        // Still on screen (the save did not leave the page): unsaved again until the form says otherwise.
        if (registered && forms?.has(id)) forms.set(id, true);
      }
    },
    [forms, id],
  );

  return { whileSaving };
}
