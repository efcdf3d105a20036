import { describe, expect, it } from 'vitest';
import { BudgetNok } from '../../../shared/contracts/contributions';
import { budgetFromText, formatNok } from './contribution-format';

describe('the budget field', () => {
  it('reads whole kroner with spaces between thousands, and nothing typed as no budget', () => {
    expect(budgetFromText('')).toBeNull();
    expect(budgetFromText('   ')).toBeNull();
    expect(budgetFromText('2 500 000')).toBe(2_500_000);
    expect(budgetFromText('2\u00a0500')).toBe(2_500);
    expect(budgetFromText('0')).toBe(0);
  });

  it('hands anything else to the shared schema as typed, which names the problem', () => {
    expect(budgetFromText('-5')).toBe(-5);
    expect(BudgetNok.safeParse(budgetFromText('-5')).error?.issues[0]?.message).toBe(
      'validation.budgetNegative',
    );
    expect(budgetFromText('2,5 mill')).toBe('2,5 mill');
    expect(BudgetNok.safeParse(budgetFromText('2,5 mill')).error?.issues[0]?.message).toBe(
      'validation.budget',
    );
    expect(BudgetNok.safeParse(budgetFromText('12.5')).error?.issues[0]?.message).toBe('validation.budget');
  });

  it('shows kroner the Norwegian way in each language', () => {
    const spaced = (s: string) => s.replace(/[\s\u00a0\u202f]/g, ' ');
    expect(spaced(formatNok(2_500_000, 'nb'))).toBe('2 500 000 kr');
    expect(spaced(formatNok(2_500_000, 'nn'))).toBe('2 500 000 kr');
    expect(spaced(formatNok(2_500_000, 'en'))).toBe('NOK 2,500,000');
  });
});
