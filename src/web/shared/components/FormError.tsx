import { Alert, Button, ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import { type ComponentRef, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import type { FormSummary } from '../use-form';

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
 * - `summary` (useForm's): after a submit refused for errors on fields, by the form's own checks or by the
 *   server, an error summary takes the place of the message and the focus. It lists every error, each on a
 *   field as a link that moves the focus to that field; the errors stay on their fields as well. It lists
 *   what was wrong at that submit, dropping each error as it is put right, and never grows between submits,
 *   so a message found on leaving a field does not push the form down under the pointer.
 *   `errors` (if given) says the errors in the form's own words. The server's own words for the refusal are
 *   kept in the summary when they say more than that some fields are wrong.
 */
export function FormError({
  error,
  conflict = false,
  conflictText,
  onReload,
  reloadLabel,
  errors,
  fields,
  summary,
}: {
  error: string | null;
  conflict?: boolean;
  conflictText?: string;
  onReload?: () => void;
  reloadLabel?: string;
  errors?: Record<string, string>;
  fields?: readonly string[];
  summary?: FormSummary;
}) {
  const { t } = useTranslation();
  const listed = useSummaryItems(summary, errors ?? summary?.errors ?? {});
  const conflictWords = conflict ? (conflictText ?? error) : null;
  if (summary && listed.length > 0 && !conflictWords) {
    return <FieldErrorSummary summary={summary} items={listed} fields={fields} error={error} />;
  }
  if (fields) return <FocusedError error={error} errors={errors ?? {}} fields={fields} />;
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

type SummaryItem = { field: string; message: string };

/**
 * The errors the summary lists: those there were at the last refused submit that are still there, in the
 * words they have now. Kept from one render to the next as React's "information from previous renders".
 */
function useSummaryItems(summary: FormSummary | undefined, errors: Record<string, string>): SummaryItem[] {
  const attempt = summary?.attempt ?? 0;
  const [shown, setShown] = useState<{ attempt: number; fields: string[] }>({ attempt: 0, fields: [] });
  let fields = shown.fields;
  if (shown.attempt !== attempt) {
    fields = Object.keys(errors);
    setShown({ attempt, fields });
  }
  if (attempt === 0) return [];
  return fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ field, message }] : [];
  });
}

function FieldErrorSummary({
  summary,
  items,
  fields,
  error,
}: {
  summary: FormSummary;
  items: SummaryItem[];
  fields?: readonly string[];
  error: string | null;
}) {
  const { t } = useTranslation();
  const box = useRef<ComponentRef<typeof ErrorSummary>>(null);
  // The element takes the focus when it is put on the page; a new key each refused submit puts it there anew.
  useEffect(() => {
    if (summary.attempt > 0) box.current?.focus();
  }, [summary.attempt]);
  const onField = (field: string) => (fields ? fields.includes(field) : field !== '_');
  // Each link names its field («Tittel: Feltet må fylles ut.»), so that two alike messages can be told apart.
  // The names are read from the fields' labels once they are on the page.
  const [names, setNames] = useState<readonly (string | null)[]>([]);
  const itemsKey = items.map((i) => `${i.field}\u0000${i.message}`).join('\u0001');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names change only with the listed items.
  useLayoutEffect(() => {
    const anchor = box.current as HTMLElement | null;
    if (!anchor) return;
    const read = () =>
      items.map((item, index) =>
        onField(item.field) ? labelOf(fieldOf(anchor, summary, items, index)) : null,
      );
    const first = read();
    setNames(first);
    // A field bound by hand is found by its message, which may show a moment after the summary does.
    if (first.every((name, index) => name !== null || !onField(items[index]?.field ?? '_'))) return;
    const later = window.setTimeout(() => setNames(read()), 300);
    return () => window.clearTimeout(later);
  }, [itemsKey]);
  const worded = (item: SummaryItem, index: number) => {
    const name = names[index];
    return name && !item.message.startsWith(name) ? `${name}: ${item.message}` : item.message;
  };
  return (
    <ErrorSummary key={summary.attempt} ref={box}>
      <ErrorSummary.Heading level={2} data-size="2xs">
        {t('common.errorSummary')}
      </ErrorSummary.Heading>
      {/* What the server said besides, unless it only says that some fields are wrong (the heading says so):
          that the input was saved without its file, say. */}
      {error && error !== t('errors.validation') && <Paragraph>{error}</Paragraph>}
      <ErrorSummary.List>
        {items.map((item, index) => (
          <ErrorSummary.Item key={item.field}>
            {onField(item.field) ? (
              <ErrorSummary.Link
                href={`#${summary.fieldId(item.field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  const target = fieldOf(e.currentTarget, summary, items, index);
                  target?.focus();
                  target?.scrollIntoView({ block: 'center' });
                }}
              >
                {worded(item, index)}
              </ErrorSummary.Link>
            ) : (
              item.message
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/**
 * The field of a summary's item: the one with the form's id for it (useForm's `field()` gives it), or, for
 * a field bound by hand, the field whose error message says the same, found by the message it is described
 * by. Of several fields with the same message not bound by id, the item's place among those items picks one.
 */
function fieldOf(
  link: HTMLElement,
  summary: FormSummary,
  items: SummaryItem[],
  index: number,
): HTMLElement | null {
  const item = items[index];
  if (!item) return null;
  const byId = document.getElementById(summary.fieldId(item.field));
  if (byId) return byId;
  const scope = link.closest('form') ?? link.closest('dialog') ?? document.body;
  const bound = new Set(
    items.map((i) => document.getElementById(summary.fieldId(i.field))).filter((el) => el !== null),
  );
  const candidates = [...scope.querySelectorAll<HTMLElement>('[data-field="validation"]')]
    .filter((m) => m.textContent === item.message && m.id)
    .map((m) => scope.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(m.id)}"]`))
    .filter((el): el is HTMLElement => el !== null && !bound.has(el));
  const place = items
    .slice(0, index)
    .filter((i) => i.message === item.message && !document.getElementById(summary.fieldId(i.field))).length;
  return candidates[place] ?? null;
}

/** What a field is called: its label's text, or the text its `aria-labelledby` or `aria-label` gives it. */
function labelOf(field: HTMLElement | null): string | null {
  if (!field) return null;
  const fromLabel = 'labels' in field ? (field as HTMLInputElement).labels?.[0]?.textContent : null;
  const labelledBy = field
    .getAttribute('aria-labelledby')
    ?.split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
  const name = (fromLabel || labelledBy || field.getAttribute('aria-label') || '')
    .replace(/\s+/g, ' ')
    .trim();
  return name === '' ? null : name;
}
