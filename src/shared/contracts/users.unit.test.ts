import { describe, expect, it } from 'vitest';
import { CreateUserInput, ResetPasswordInput, UpdateUserInput } from './users.js';

const departmentId = '0b5b7f4e-6f0e-4c8e-9a4e-3f1c2d6b8a10';
const regionId = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const base = { email: 'kari@viken.no', name: 'Kari Nordmann', password: 'et-langt-passord' };

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('user rules', () => {
  it('needs a password of at least 12 characters', () => {
    expect(issuesOf(ResetPasswordInput.safeParse({ password: 'elleve-tegn' }))).toEqual([
      ['password', 'validation.passwordTooShort'],
    ]);
    expect(ResetPasswordInput.safeParse({ password: 'tolv-tegn-ok' }).success).toBe(true);
  });

  it('binds a department editor to a department and a region contact to a region', () => {
    expect(issuesOf(CreateUserInput.safeParse({ ...base, role: 'department' }))).toEqual([
      ['departmentId', 'validation.departmentRequired'],
    ]);
    expect(issuesOf(CreateUserInput.safeParse({ ...base, role: 'region', regionId: null }))).toEqual([
      ['regionId', 'validation.regionRequired'],
    ]);
    expect(CreateUserInput.safeParse({ ...base, role: 'department', departmentId }).success).toBe(true);
    expect(CreateUserInput.safeParse({ ...base, role: 'region', regionId }).success).toBe(true);
    expect(CreateUserInput.safeParse({ ...base, role: 'viewer' }).success).toBe(true);
  });

  it('checks the binding when the role changes, and not when it stays unsaid', () => {
    expect(issuesOf(UpdateUserInput.safeParse({ role: 'region', version: 3 }))).toEqual([
      ['regionId', 'validation.regionRequired'],
    ]);
    expect(UpdateUserInput.safeParse({ active: false, version: 3 }).success).toBe(true);
  });

  it('refuses an unknown role and a missing version', () => {
    expect(CreateUserInput.safeParse({ ...base, role: 'superuser' }).success).toBe(false);
    expect(issuesOf(UpdateUserInput.safeParse({ name: 'Kari' }))?.[0]?.[0]).toBe('version');
  });
});
