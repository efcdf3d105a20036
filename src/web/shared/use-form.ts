import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType, z } from 'zod';
import { fieldIssues } from '../../shared/contracts/field-errors';
import { afterClick, listenForClicks } from './after-click';
import { ApiError } from './api';
import { useUnsavedChanges } from './unsaved-changes';

/** The fields a text field or a select can show: text, a choice among words, or text that may be missing. */
export type TextKey<V> = { [K in keyof V]-?: V[K] extends string | null | undefined ? K : never }[keyof V] &
  string;

/** The fields that hold plain text (an optional one is shown empty), which a field sets as typed. */
export type PlainTextKey<V> = {
  [K in keyof V]-?: string extends V[K] ? (V[K] extends string | undefined ? K : never) : never;
}[keyof V] &
  string;

/**
 * What a Textfield, SelectField, Select or Textarea needs to show one field of the form and change it. The
 * id is the form's own (two forms on a page never share one), so the error summary can send the focus to it.
 */
export type FieldProps = {
  id: string;
  value: string;
  onChange: (input: string | { target: { value: string } }) => void;
  onBlur: () => void;
  error: string | undefined;
};

/**
 * The part of a useForm that a group of fields needs (`V`: their values). Method syntax lets a form with
 * more fields (a version, say) pass.
 */
export type FormFields<V> = {
  values: V;
  errors: Record<string, string>;
  fieldId(name: string): string;
  field<K extends PlainTextKey<V>>(name: K): FieldProps;
  field<K extends TextKey<V>>(name: K, parse: (text: string) => V[K]): FieldProps;
};

/**
 * What a form is checked with: a zod schema from src/shared/contracts, or, where loading zod would cost more
 * than the form is worth (the sign-in page's two fields), checks that answer as a schema's safeParse does.
 */
export type FormSchema = {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: Parameters<typeof fieldIssues>[0] } };
};

/** The values a schema's checks give, as the submit handler gets them. */
type Checked<S extends FormSchema> = S extends ZodType
  ? z.output<S>
  : Extract<ReturnType<S['safeParse']>, { success: true }>['data'];

/**
 * What the error summary at the top of a form (FormError) needs: which errors to list and how to reach
 * their fields. `attempt` counts the submits refused for errors on fields; each one shows the summary anew
 * and gives it the focus.
 */
export type FormSummary = {
  attempt: number;
  errors: Record<string, string>;
  fieldId(name: string): string;
};

/**
 * Per field and error code, the catalogue key to say instead of the generic one: `{ subjectAreaId: {
 * 'validation.id': 'contributions.fields.subjectAreaMissing' } }` says «Velg et fagområde.» where the shared
 * schema can only say that one of the options must be chosen. It applies to the form's own checks and to the
 * server's field errors alike. Keep the object outside the component: the checks are made anew when it changes.
 */
export type FieldMessages = Record<string, Record<string, string>>;

/** For `field(name, orNull)`: an optional field left empty is null, as the shared schemas have it. */
export const orNull = (text: string): string | null => text || null;

/**
 * Form state validated with the same zod schema the server uses. Errors are shown on their field; when the
 * server refuses, its field errors land on the same fields and what was typed is kept. Written here rather
 * than taken from a form library because it is small and must speak the shared schemas' catalogue keys.
 * Once something is typed, leaving the page (closing the tab, or a navigation inside the app) asks first,
 * until the form is saved or reset.
 */
export function useForm<S extends FormSchema, V extends Record<string, unknown>>(
  schema: S,
  initial: V,
  options: { messages?: FieldMessages } = {},
) {
  const { t } = useTranslation();
  const { messages } = options;
  const formId = useId();
  const fieldId = useCallback((name: string) => `${formId}${name}`, [formId]);
  const [attempt, setAttempt] = useState(0);
  useEffect(listenForClicks, []);
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const { whileSaving } = useUnsavedChanges(dirty);

  const errorsFrom = useCallback(
    (input: unknown): Record<string, string> => {
      const result = schema.safeParse(input);
      if (result.success) return {};
      const out: Record<string, string> = {};
      for (const issue of fieldIssues(result.error.issues)) {
        if (!out[issue.field])
          out[issue.field] = t(messages?.[issue.field]?.[issue.code] ?? issue.code, issue.params);
      }
      return out;
    },
    [schema, t, messages],
  );

  const set = <K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setDirty(true);
    // Validate as the person types once the field has shown an error, so it clears as soon as it is fixed.
    // A field that holds a list (a document's sections) has its errors under `field.<index>.<part>`.
    setErrors((current) => {
      const name = field as string;
      const shown = Object.keys(current).filter((k) => k === name || k.startsWith(`${name}.`));
      if (shown.length === 0) return current;
      const next = { ...current };
      const fresh = errorsFrom({ ...values, [field]: value });
      for (const key of shown) {
        if (fresh[key]) next[key] = fresh[key];
        else delete next[key];
      }
      return next;
    });
  };

  /**
   * Validates one field when it loses focus. Its message waits until the click that took the focus away
   * has landed (see after-click.ts), so a message appearing does not move the button being clicked.
   */
  const blur = (field: keyof V) => {
    const fresh = errorsFrom(values)[field as string];
    afterClick(() =>
      setErrors((current) => {
        const next = { ...current };
        if (fresh) next[field as string] = fresh;
        else delete next[field as string];
        return next;
      }),
    );
  };

  /**
   * Binds a field component to one field: `{...form.field('name')}` gives it the value, a change that sets
   * it, a blur that validates it and its error. A select sends its value, a text field its change event.
   * A field that holds more than plain text (null when empty, one of a few words) says with `parse` how
   * the text becomes its value.
   */
  function field<K extends PlainTextKey<V>>(name: K): FieldProps;
  function field<K extends TextKey<V>>(name: K, parse: (text: string) => V[K]): FieldProps;
  function field<K extends TextKey<V>>(name: K, parse?: (text: string) => V[K]): FieldProps {
    return {
      id: fieldId(name),
      value: (values[name] ?? '') as string,
      onChange: (input) => {
        const text = typeof input === 'string' ? input : input.target.value;
        set(name, parse ? parse(text) : (text as V[K]));
      },
      onBlur: () => blur(name),
      error: errors[name],
    };
  }

  const submit =
    (onValid: (data: Checked<S>) => Promise<unknown>) => async (e?: { preventDefault(): void }) => {
      e?.preventDefault();
      setFormError(null);
      const result = schema.safeParse(values);
      if (!result.success) {
        setErrors(errorsFrom(values));
        setAttempt((n) => n + 1);
        return;
      }
      setSubmitting(true);
      try {
        await whileSaving(() => onValid(result.data as Checked<S>));
        setDirty(false);
        setErrors({});
      } catch (error) {
        if (error instanceof ApiError) {
          const fields = Object.fromEntries(
            (error.problem.errors ?? []).map((e) => {
              const own = messages?.[e.field]?.[e.code];
              return [e.field, own ? t(own) : e.message];
            }),
          );
          setErrors(fields);
          setFormError(error.problem.title || t('errors.internal'));
          if (Object.keys(fields).length > 0) setAttempt((n) => n + 1);
        } else {
          setFormError(t('errors.internal'));
        }
      } finally {
        setSubmitting(false);
      }
    };

  const reset = (next: V) => {
    setValues(next);
    setErrors({});
    setFormError(null);
    setDirty(false);
  };

  const summary: FormSummary = { attempt, errors, fieldId };
  return { values, set, blur, field, fieldId, errors, formError, summary, submitting, submit, reset, dirty };
}
