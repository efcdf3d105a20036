import { describe, expect, it } from 'vitest';
import { evidenceKinds, meetingEvidenceKinds } from '../../shared/contracts/milestones.js';
import { type EvidenceFacts, evidenceOf, evidenceRules, noEvidenceFacts } from './milestone-evidence.js';

const facts = (more: Partial<EvidenceFacts>): EvidenceFacts => ({ ...noEvidenceFacts, ...more });

describe('the evidence rules', () => {
  it('have a rule for every kind Partnerskap holds, and none yet for the meetings', () => {
    const withRule = evidenceKinds.filter((k) => evidenceRules[k] !== undefined);
    expect(withRule.sort()).toEqual(
      ['department_proposals', 'region_commitments', 'special_part_agreed', 'wanted_subject_areas'].sort(),
    );
    for (const kind of meetingEvidenceKinds) {
      expect(evidenceOf(kind, noEvidenceFacts)).toBeNull();
    }
  });

  it('give no evidence to a milestone without a kind', () => {
    expect(
      evidenceOf(null, facts({ wantedSubjectAreas: { count: 3, firstAt: '2021-02-03T13:00:00.000Z' } })),
    ).toBeNull();
  });

  it('wanted subject areas: met once the region has marked one, dated by the first mark, linking to them', () => {
    expect(evidenceOf('wanted_subject_areas', noEvidenceFacts)).toEqual({
      kind: 'wanted_subject_areas',
      met: false,
      at: null,
      links: [],
    });
    expect(
      evidenceOf(
        'wanted_subject_areas',
        facts({ wantedSubjectAreas: { count: 3, firstAt: '2021-02-03T13:00:00.000Z' } }),
      ),
    ).toEqual({
      kind: 'wanted_subject_areas',
      met: true,
      at: '2021-02-03T13:00:00.000Z',
      links: [{ target: 'wanted_subject_areas', owner: null, name: null, count: 3 }],
    });
  });

  it('department proposals: met once a department has contributions, linking to each department’s, dated by the first', () => {
    expect(evidenceOf('department_proposals', noEvidenceFacts)?.met).toBe(false);
    // The region's own contributions are no department's proposal.
    expect(
      evidenceOf(
        'department_proposals',
        facts({ regionContributions: { count: 2, firstAt: '2021-01-01T00:00:00.000Z' } }),
      )?.met,
    ).toBe(false);
    const found = evidenceOf(
      'department_proposals',
      facts({
        departmentProposals: [
          { departmentId: 'n', name: 'Næring', count: 2, firstAt: '2021-02-22T11:00:00.000Z' },
          { departmentId: 's', name: 'Samferdsel', count: 4, firstAt: '2021-02-20T11:00:00.000Z' },
        ],
      }),
    );
    expect(found).toEqual({
      kind: 'department_proposals',
      met: true,
      at: '2021-02-20T11:00:00.000Z',
      links: [
        { target: 'contributions', owner: 'n', name: 'Næring', count: 2 },
        { target: 'contributions', owner: 's', name: 'Samferdsel', count: 4 },
      ],
    });
  });

  it('region commitments: met once the region has contributions of its own, linking to them', () => {
    expect(evidenceOf('region_commitments', noEvidenceFacts)?.met).toBe(false);
    expect(
      evidenceOf(
        'region_commitments',
        facts({ regionContributions: { count: 2, firstAt: '2021-03-01T10:00:00.000Z' } }),
      ),
    ).toEqual({
      kind: 'region_commitments',
      met: true,
      at: '2021-03-01T10:00:00.000Z',
      links: [{ target: 'contributions', owner: 'region', name: null, count: 2 }],
    });
  });

  it('special part agreed: met when a version is agreed, dated by the agreement, linking to the special part', () => {
    expect(evidenceOf('special_part_agreed', noEvidenceFacts)?.met).toBe(false);
    expect(
      evidenceOf(
        'special_part_agreed',
        facts({ agreedSpecialPart: { number: 2, agreedAt: '2021-06-17T10:00:00.000Z' } }),
      ),
    ).toEqual({
      kind: 'special_part_agreed',
      met: true,
      at: '2021-06-17T10:00:00.000Z',
      links: [{ target: 'special_part', owner: null, name: null, count: 2 }],
    });
  });
});
