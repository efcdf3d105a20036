import { describe, expect, it } from 'vitest';
import { type InForceInput, inForceOf, type MembershipFact } from './in-force.js';

const member = (municipalityId: string, over: Partial<MembershipFact> = {}): MembershipFact => ({
  municipalityId,
  outsideCounty: false,
  validFrom: '2020-01-01',
  validTo: null,
  ...over,
});

const base = (over: Partial<InForceInput> = {}): InForceInput => ({
  startDate: '2021-01-01',
  board: { outcome: 'adopted', divergences: [] },
  memberships: [member('a'), member('b')],
  adoptions: new Map([
    ['a', { outcome: 'adopted', divergences: [] }],
    ['b', { outcome: 'adopted', divergences: [] }],
  ]),
  ...over,
});

describe('when an agreement is in force', () => {
  it('needs the board’s approval and every member’s adoption', () => {
    expect(inForceOf(base())).toMatchObject({
      inForce: true,
      boardApproved: true,
      required: ['a', 'b'],
      missing: [],
    });
    expect(inForceOf(base({ board: null }))).toMatchObject({ inForce: false, boardApproved: false });
    expect(inForceOf(base({ board: { outcome: 'postponed', divergences: [] } })).inForce).toBe(false);
    expect(inForceOf(base({ board: { outcome: 'rejected', divergences: [] } })).inForce).toBe(false);
    const oneMissing = base({ adoptions: new Map([['a', { outcome: 'adopted', divergences: [] }]]) });
    expect(inForceOf(oneMissing)).toMatchObject({ inForce: false, missing: ['b'] });
    const rejected = base({
      adoptions: new Map([
        ['a', { outcome: 'adopted', divergences: [] }],
        ['b', { outcome: 'rejected', divergences: [] }],
      ]),
    });
    expect(inForceOf(rejected)).toMatchObject({ inForce: false, missing: ['b'] });
  });

  it('counts a municipality in two regions once for this region, as a member on the start date', () => {
    const twice = base({
      memberships: [
        member('a'),
        member('b'),
        member('a', { validFrom: '2019-01-01', validTo: '2030-01-01' }),
      ],
    });
    expect(inForceOf(twice)).toMatchObject({ inForce: true, required: ['a', 'b'] });
  });

  it('requires a municipality in two regions in each region’s agreement, and one adoption counts only for its own', () => {
    // "a" is a member of both regions on their start dates; each agreement is judged on its own region's
    // memberships and its own councils' decisions.
    const north = base({ memberships: [member('a'), member('b')] });
    const south = base({
      memberships: [member('c'), member('a', { validFrom: '2018-05-01' })],
      adoptions: new Map([['c', { outcome: 'adopted', divergences: [] }]]),
    });
    expect(inForceOf(north)).toMatchObject({ inForce: true, required: ['a', 'b'] });
    expect(inForceOf(south)).toMatchObject({ inForce: false, required: ['c', 'a'], missing: ['a'] });
    const bothAdopted = base({
      memberships: south.memberships,
      adoptions: new Map([
        ['c', { outcome: 'adopted', divergences: [] }],
        ['a', { outcome: 'adopted', divergences: [] }],
      ]),
    });
    expect(inForceOf(bothAdopted)).toMatchObject({ inForce: true, missing: [] });
  });

  it('counts a member who joined on the start date itself', () => {
    const joined = base({ memberships: [member('a'), member('b', { validFrom: '2021-01-01' })] });
    expect(inForceOf(joined).required).toEqual(['a', 'b']);
    const oneDayLate = base({ memberships: [member('a'), member('b', { validFrom: '2021-01-02' })] });
    expect(inForceOf(oneDayLate).required).toEqual(['a']);
  });

  it('leaves out a member outside the county and one that joined after the start date', () => {
    const input = base({
      memberships: [
        member('a'),
        member('b'),
        member('x', { outsideCounty: true }),
        member('late', { validFrom: '2022-06-01' }),
      ],
    });
    expect(inForceOf(input)).toMatchObject({ inForce: true, required: ['a', 'b'] });
  });

  it('keeps a member whose membership ends during the period, and not one that left before it began', () => {
    // "b" leaves the region a year into the agreement (and long before today): its council must still adopt it.
    const leaving = base({ memberships: [member('a'), member('b', { validTo: '2022-01-01' })] });
    expect(inForceOf(leaving)).toMatchObject({ inForce: true, required: ['a', 'b'] });
    const leavingNotAdopted = base({
      memberships: leaving.memberships,
      adoptions: new Map([['a', { outcome: 'adopted', divergences: [] }]]),
    });
    expect(inForceOf(leavingNotAdopted)).toMatchObject({ inForce: false, missing: ['b'] });
    // Leaving the day after the start is still during the period.
    const nextDay = base({ memberships: [member('a'), member('b', { validTo: '2021-01-02' })] });
    expect(inForceOf(nextDay).required).toEqual(['a', 'b']);
    const left = base({
      memberships: [member('a'), member('b', { validTo: '2021-01-01' })],
      adoptions: new Map([['a', { outcome: 'adopted', divergences: [] }]]),
    });
    expect(inForceOf(left)).toMatchObject({ inForce: true, required: ['a'] });
  });

  it('holds the agreement back while a change is open, and lets it in once accepted', () => {
    const open = base({
      adoptions: new Map([
        ['a', { outcome: 'adopted', divergences: [] }],
        ['b', { outcome: 'adopted_with_changes', divergences: [null] }],
      ]),
    });
    expect(inForceOf(open)).toMatchObject({ inForce: false, missing: ['b'], openDivergences: 1 });
    const accepted = base({
      adoptions: new Map([
        ['a', { outcome: 'adopted', divergences: [] }],
        ['b', { outcome: 'adopted_with_changes', divergences: ['accepted'] }],
      ]),
    });
    expect(inForceOf(accepted)).toMatchObject({ inForce: true, openDivergences: 0 });
  });

  it('does not count a decision with changes that has no change recorded to resolve', () => {
    const unrecorded = base({
      adoptions: new Map([
        ['a', { outcome: 'adopted', divergences: [] }],
        ['b', { outcome: 'adopted_with_changes', divergences: [] }],
      ]),
    });
    expect(inForceOf(unrecorded)).toMatchObject({ inForce: false, missing: ['b'] });
    expect(
      inForceOf(base({ board: { outcome: 'adopted_with_changes', divergences: [] } })).boardApproved,
    ).toBe(false);
    expect(inForceOf(base({ board: { outcome: 'information', divergences: [] } })).inForce).toBe(false);
  });

  it('needs every change accepted when a council’s decision made more than one', () => {
    const mixed = base({
      adoptions: new Map([
        ['a', { outcome: 'adopted', divergences: [] }],
        ['b', { outcome: 'adopted_with_changes', divergences: ['accepted', 'renegotiate'] }],
      ]),
    });
    expect(inForceOf(mixed)).toMatchObject({ inForce: false, missing: ['b'] });
  });

  it('does not come into force when a change is sent back to negotiation', () => {
    const renegotiate = base({
      adoptions: new Map([
        ['a', { outcome: 'adopted', divergences: [] }],
        ['b', { outcome: 'adopted_with_changes', divergences: ['renegotiate'] }],
      ]),
    });
    expect(inForceOf(renegotiate)).toMatchObject({ inForce: false, missing: ['b'], openDivergences: 0 });
    expect(
      inForceOf(base({ board: { outcome: 'adopted_with_changes', divergences: ['renegotiate'] } })),
    ).toMatchObject({
      inForce: false,
      boardApproved: false,
    });
    expect(
      inForceOf(base({ board: { outcome: 'adopted_with_changes', divergences: ['accepted'] } })).inForce,
    ).toBe(true);
    expect(
      inForceOf(base({ board: { outcome: 'adopted_with_changes', divergences: [null] } })),
    ).toMatchObject({
      inForce: false,
      openDivergences: 1,
    });
  });

  it('is never in force for a region without members on the start date', () => {
    expect(inForceOf(base({ memberships: [], adoptions: new Map() })).inForce).toBe(false);
  });
});
