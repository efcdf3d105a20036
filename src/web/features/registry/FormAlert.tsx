import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';

/**
 * Notices an edit conflict: the server answers 409 `stale` when someone else saved the same thing after
 * this form was opened. `guard` passes the error on, so the form still keeps what was typed.
 */
export function useConflict() {
  const [conflict, setConflict] = useState(false);
  const guard = async <T,>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.problem.code === 'stale') setConflict(true);
      throw e;
    }
  };
  return { conflict, guard, clear: () => setConflict(false) };
}

/** The form's own message: an edit conflict with the offer to reload, or what the server said went wrong. */
export function FormAlert({
  error,
  conflict = false,
  onReload,
}: {
  error: string | null;
  conflict?: boolean;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  if (conflict && onReload) {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{t('registry.conflict')}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Alert>
    );
  }
  if (!error) return null;
  return (
    <Alert data-color="danger" role="alert">
      {error}
    </Alert>
  );
}
