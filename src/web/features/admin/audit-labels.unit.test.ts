import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { recordName, valueText } from './audit-labels';
import type { Bindings } from './users.api';

// The catalogue key stands in for its text, so the test reads which word was chosen.
const t = ((key: string) => key) as unknown as TFunction;
const bindings: Bindings = {
  departments: [],
  regions: [],
  nameOf: (id) => (id === 'd1' ? 'Samferdsel' : undefined),
};

describe('valueText', () => {
  it('says yes, no and empty in words', () => {
    expect(valueText(t, 'nb', bindings, 'active', true)).toBe('common.yes');
    expect(valueText(t, 'nb', bindings, 'active', false)).toBe('common.no');
    expect(valueText(t, 'nb', bindings, 'validTo', null)).toBe('admin.audit.noValue');
    expect(valueText(t, 'nb', bindings, 'phone', '')).toBe('admin.audit.noValue');
  });

  it('shows a calendar date the Norwegian way', () => {
    expect(valueText(t, 'nb', bindings, 'validFrom', '2020-10-22')).toBe('22. oktober 2020');
  });

  it('names roles, languages and bound departments instead of their codes', () => {
    expect(valueText(t, 'nb', bindings, 'role', 'viewer')).toBe('roles.viewer');
    expect(valueText(t, 'nb', bindings, 'locale', 'nn')).toBe('languages.nn');
    expect(valueText(t, 'nb', bindings, 'departmentId', 'd1')).toBe('Samferdsel');
    expect(valueText(t, 'nb', bindings, 'departmentId', 'gone')).toBe('gone');
  });

  it('keeps other text as it is and writes lists out', () => {
    expect(valueText(t, 'nb', bindings, 'name', 'Hallingdal')).toBe('Hallingdal');
    expect(valueText(t, 'nb', bindings, 'members', ['3101', '3103'])).toBe('["3101","3103"]');
  });
});

describe('recordName', () => {
  it('prefers the name after the change, then before it', () => {
    expect(recordName({ name: 'Gammelt navn' }, { name: 'Nytt navn' })).toBe('Nytt navn');
    expect(recordName({ name: 'Slettet person' }, null)).toBe('Slettet person');
  });

  it('falls back to a membership’s municipality and a sign-in’s e-mail', () => {
    expect(recordName(null, { municipalityName: 'Halden', validFrom: '2020-01-01' })).toBe('Halden');
    expect(recordName(null, { email: 'kari@viken.no' })).toBe('kari@viken.no');
    expect(recordName(null, null)).toBeNull();
  });
});
