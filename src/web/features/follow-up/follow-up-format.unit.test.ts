import { describe, expect, it } from 'vitest';
import { formatNok, isEmptyDoc, numberOfInput } from './follow-up-format';

describe('the follow-up forms’ numbers and texts', () => {
  it('reads a number as typed, with spaces and a decimal comma; empty is none, anything else not a number', () => {
    expect(numberOfInput('1 200 000')).toBe(1_200_000);
    expect(numberOfInput('12,5')).toBe(12.5);
    expect(numberOfInput('')).toBeNull();
    expect(numberOfInput('  ')).toBeNull();
    expect(numberOfInput('12 kr')).toBeNaN();
  });

  it('sends no rich text that holds no text', () => {
    expect(isEmptyDoc(null)).toBe(true);
    expect(isEmptyDoc({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(true);
    expect(
      isEmptyDoc({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gjort.' }] }],
      }),
    ).toBe(false);
  });

  it('writes kroner the Norwegian way', () => {
    expect(formatNok(1_200_000, 'nb').replace(/\s/g, ' ')).toBe('1 200 000 kr');
  });
});
