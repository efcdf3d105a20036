/** One field of an audited record, as it was before and after the change. */
export type FieldChange = { field: string; before: unknown; after: unknown };

/** Bookkeeping every write changes; showing it would hide what the person actually changed. */
const bookkeeping = new Set(['id', 'version', 'createdAt', 'updatedAt']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What an audit event changed, field by field, in the order the fields first appear. A creation shows every
 * field it set, a deletion every field it removed. A value that is not a record (a bare string, a list) is
 * shown as one change of the whole value, under the field name `''`.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((b === null || isRecord(b)) && (a === null || isRecord(a))) {
    const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    return fields
      .filter((f) => !bookkeeping.has(f))
      .map((field) => ({ field, before: b?.[field] ?? null, after: a?.[field] ?? null }))
      .filter((c) => !same(c.before, c.after));
  }
  return same(b, a) ? [] : [{ field: '', before: b, after: a }];
}
