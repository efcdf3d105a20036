import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requiredText } from './common.js';
import { fieldIssues } from './field-errors.js';

describe('fieldIssues', () => {
  it('keeps a catalogue key and names the field by its dotted path', () => {
    const schema = z.object({ members: z.array(z.object({ name: requiredText(10) })) });
    const result = schema.safeParse({ members: [{ name: 'Ål' }, { name: ' ' }] });
    expect(fieldIssues(result.error?.issues ?? [])).toEqual([
      { field: 'members.1.name', code: 'validation.required', params: { min: 1 } },
    ]);
  });

  it('passes the maximum along so the message can say it', () => {
    const result = z.object({ name: requiredText(5) }).safeParse({ name: 'Hallingdal' });
    expect(fieldIssues(result.error?.issues ?? [])).toEqual([
      { field: 'name', code: 'validation.tooLong', params: { max: 5 } },
    ]);
  });

  it('maps a missing value without a key of its own to required', () => {
    const result = z.object({ active: z.boolean() }).safeParse({});
    expect(fieldIssues(result.error?.issues ?? [])).toEqual([
      { field: 'active', code: 'validation.required', params: {} },
    ]);
  });

  it('maps a plain too-big issue to tooLong and a value of the wrong kind to invalid', () => {
    // zod 4 only tells the input when asked; without it a wrong kind cannot be told from a missing value.
    const result = z
      .object({ note: z.string().max(2), count: z.number() })
      .safeParse({ note: 'abc', count: 'x' }, { reportInput: true });
    expect(fieldIssues(result.error?.issues ?? [])).toEqual([
      { field: 'note', code: 'validation.tooLong', params: { max: 2 } },
      { field: 'count', code: 'validation.invalid', params: {} },
    ]);
  });

  it('names an issue on the whole input `_`', () => {
    const result = z.string().min(1, { error: 'validation.required' }).safeParse('');
    expect(fieldIssues(result.error?.issues ?? [])).toEqual([
      { field: '_', code: 'validation.required', params: { min: 1 } },
    ]);
  });
});

describe('type errors from the shared schemas', () => {
  it('calls a missing value required and a number where text belongs "must be text"', () => {
    const schema = z.object({ name: requiredText(10) });
    const missing = schema.safeParse({});
    const wrongType = schema.safeParse({ name: 42 });
    expect(missing.success || fieldIssues(missing.error.issues)[0]?.code).toBe('validation.required');
    expect(wrongType.success || fieldIssues(wrongType.error.issues)[0]?.code).toBe('validation.text');
  });

  it('maps zod’s own "received undefined" to required even without the input reported', () => {
    const result = z.object({ active: z.boolean() }).safeParse({});
    expect(result.success || fieldIssues(result.error.issues)[0]?.code).toBe('validation.required');
  });
});
