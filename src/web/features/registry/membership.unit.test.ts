import { describe, expect, it } from 'vitest';
import type { Membership } from '../../../shared/contracts/registry';
import { byStatusThenStart, currentMembers, membershipStatus } from './membership';

const member = (
  name: string,
  validFrom: string,
  validTo: string | null,
  municipalityId = name,
): Membership => ({
  id: `${name}-${validFrom}`,
  regionId: 'r',
  municipalityId,
  municipalityNumber: '3000',
  municipalityName: name,
  outsideCounty: false,
  validFrom,
  validTo,
  version: 1,
});

describe('membershipStatus', () => {
  it('counts the start day as a member and the end day as no longer a member', () => {
    expect(membershipStatus(member('A', '2026-01-01', '2026-06-01'), '2026-01-01')).toBe('current');
    expect(membershipStatus(member('A', '2026-01-01', '2026-06-01'), '2026-05-31')).toBe('current');
    expect(membershipStatus(member('A', '2026-01-01', '2026-06-01'), '2026-06-01')).toBe('past');
  });

  it('calls a membership that starts after today future, and one without an end current for ever', () => {
    expect(membershipStatus(member('A', '2026-01-02', null), '2026-01-01')).toBe('future');
    expect(membershipStatus(member('A', '2020-01-01', null), '2099-12-31')).toBe('current');
  });
});

describe('currentMembers', () => {
  it('lists only the members of the day, once each, in Norwegian alphabetical order', () => {
    const region = {
      members: [
        member('Ås', '2020-01-01', null),
        member('Aremark', '2020-01-01', '2024-01-01'),
        member('Marker', '2020-01-01', '2026-01-01', 'm'),
        member('Marker', '2026-01-01', null, 'm'),
        member('Østre', '2027-01-01', null),
        member('Bø', '2020-01-01', null),
      ],
    };
    expect(currentMembers(region, '2026-11-27').map((m) => m.municipalityName)).toEqual([
      'Bø',
      'Marker',
      'Ås',
    ]);
  });
});

describe('byStatusThenStart', () => {
  it('puts current members first, then future, then past', () => {
    const rows = [
      member('Past', '2019-01-01', '2020-01-01'),
      member('Future', '2030-01-01', null),
      member('Now', '2021-01-01', null),
    ];
    expect(rows.sort(byStatusThenStart('2026-11-27')).map((m) => m.municipalityName)).toEqual([
      'Now',
      'Future',
      'Past',
    ]);
  });
});
