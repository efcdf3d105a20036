import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';

/**
 * What the server said when it refused a form, at the top of the form, and focused so it is seen and read
 * out. Errors on fields the form shows stay on those fields; the others (the state of the hearing, a
 * required section of the version without text) are listed here, since no field can hold them.
 */
export function FormProblem({
  formError,
  errors,
  fields,
}: {
  formError: string | null;
  errors: Record<string, string>;
  fields: readonly string[];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError) box.current?.focus();
  }, [formError]);
  const others = [
    ...new Set(
      Object.entries(errors)
        .filter(([f]) => !fields.includes(f))
        .map(([, m]) => m),
    ),
  ];
  return (
    <div ref={box} tabIndex={-1} className="hearings-focus">
      {formError && (
        <Alert data-color="danger" role="alert">
          {others.length === 1 ? (
            <Paragraph>{others[0]}</Paragraph>
          ) : (
            <>
              <Paragraph>{formError}</Paragraph>
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
