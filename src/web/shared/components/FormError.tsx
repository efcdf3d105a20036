import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

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

/**
 * The form's own message at its top: what the server said when it refused the form (useForm's formError),
 * as an alert that is read out; nothing while there is none.
 *
 * - `conflict`: the refusal was an edit conflict, shown as a warning in `conflictText` (else the server's
 *   words). With `onReload` it offers to read the saved version again, and stays until the form clears it.
 * - `fields`: the fields the form shows. Errors on them stay on those fields; the others (the state of the
 *   hearing, a required section of the version without text) are listed here, since no field can hold them,
 *   and the message takes the focus so it is seen and read out.
 */
export function FormError({
  error,
  conflict = false,
  conflictText,
  onReload,
  reloadLabel,
  errors = {},
  fields,
}: {
  error: string | null;
  conflict?: boolean;
  conflictText?: string;
  onReload?: () => void;
  reloadLabel?: string;
  errors?: Record<string, string>;
  fields?: readonly string[];
}) {
  const { t } = useTranslation();
  if (fields) return <FocusedError error={error} errors={errors} fields={fields} />;
  const conflictWords = conflict ? (conflictText ?? error) : null;
  if (conflictWords && onReload) {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{conflictWords}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={onReload}>
          {reloadLabel ?? t('common.reload')}
        </Button>
      </Alert>
    );
  }
  if (!error) return null;
  return (
    <Alert data-color={conflictWords ? 'warning' : 'danger'} role="alert">
      {conflictWords ?? error}
    </Alert>
  );
}

function FocusedError({
  error,
  errors,
  fields,
}: {
  error: string | null;
  errors: Record<string, string>;
  fields: readonly string[];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  const others = [
    ...new Set(
      Object.entries(errors)
        .filter(([f]) => !fields.includes(f))
        .map(([, m]) => m),
    ),
  ];
  return (
    <div ref={box} tabIndex={-1} className="focus-target">
      {error && (
        <Alert data-color="danger" role="alert">
          {others.length === 1 ? (
            <Paragraph>{others[0]}</Paragraph>
          ) : (
            <>
              <Paragraph>{error}</Paragraph>
              {others.length > 1 && (
                <ul>
                  {others.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Alert>
      )}
    </div>
  );
}
