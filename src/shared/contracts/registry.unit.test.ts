import { describe, expect, it } from 'vitest';
import {
  AddMemberInput,
  CreateMunicipalityInput,
  MunicipalityNumber,
  UpdateMemberInput,
} from './registry.js';

const municipalityId = '0b5b7f4e-6f0e-4c8e-9a4e-3f1c2d6b8a10';

describe('MunicipalityNumber', () => {
  it.each(['3101', '0301', ' 3301 '])('accepts the four-digit number %j', (value) => {
    expect(MunicipalityNumber.safeParse(value).success).toBe(true);
  });

  it.each(['301', '31011', '31a1', ''])('refuses %j with the municipalityNumber key', (value) => {
    expect(MunicipalityNumber.safeParse(value).error?.issues[0]?.message).toBe(
      'validation.municipalityNumber',
    );
  });
});

describe('the period rule: the end comes after the start', () => {
  it('accepts an end after the start, and an open end', () => {
    expect(
      AddMemberInput.safeParse({ municipalityId, validFrom: '2020-01-01', validTo: '2023-12-31' }).success,
    ).toBe(true);
    expect(AddMemberInput.safeParse({ municipalityId, validFrom: '2020-01-01' }).success).toBe(true);
  });

  it.each([
    ['before the start', '2019-12-31'],
    ['on the start day', '2020-01-01'],
  ])('refuses an end %s, on the end field', (_, validTo) => {
    const result = UpdateMemberInput.safeParse({ validFrom: '2020-01-01', validTo, version: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['validTo', 'validation.endBeforeStart'],
    ]);
  });

  it('holds for municipalities too', () => {
    const result = CreateMunicipalityInput.safeParse({
      number: '3101',
      name: 'Halden',
      validFrom: '2024-01-01',
      validTo: '2020-01-01',
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['validation.endBeforeStart']);
  });
});
