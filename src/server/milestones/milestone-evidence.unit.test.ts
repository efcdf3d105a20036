import { describe, expect, it } from 'vitest';
import { evidenceKinds, meetingEvidenceKinds } from '../../shared/contracts/milestones.js';
import {
  type EvidenceFacts,
  evidenceOf,
  evidenceRules,
  type HeldMeeting,
  noEvidenceFacts,
} from './milestone-evidence.js';

const facts = (more: Partial<EvidenceFacts>): EvidenceFacts => ({ ...noEvidenceFacts, ...more });

describe('the evidence rules', () => {
  it('have a rule for every kind, the meetings’ included', () => {
    expect(evidenceKinds.filter((k) => evidenceRules[k] === undefined)).toEqual([]);
    for (const kind of meetingEvidenceKinds) {
      expect(evidenceOf(kind, noEvidenceFacts)).toEqual({ kind, met: false, at: null, links: [] });
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
      links: [{ target: 'wanted_subject_areas', owner: null, name: null, count: 3, meetingId: null }],
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
        { target: 'contributions', owner: 'n', name: 'Næring', count: 2, meetingId: null },
        { target: 'contributions', owner: 's', name: 'Samferdsel', count: 4, meetingId: null },
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
      links: [{ target: 'contributions', owner: 'region', name: null, count: 2, meetingId: null }],
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
      links: [{ target: 'special_part', owner: null, name: null, count: 2, meetingId: null }],
    });
  });

  const held = (
    id: string,
    type: HeldMeeting['type'],
    startsAt: string,
    ownerDepartmentId: string | null = null,
  ): HeldMeeting => ({ id, type, title: `Møte ${id}`, startsAt, ownerDepartmentId });
  const meetingLink = (m: HeldMeeting) => ({
    target: 'meeting',
    owner: m.ownerDepartmentId,
    name: m.title,
    count: 1,
    meetingId: m.id,
  });

  it.each([
    ['kickoff_held', 'kickoff'],
    ['summary_held', 'internal_summary'],
    ['collaboration_held', 'collaboration'],
    ['final_held', 'final'],
  ] as const)(
    '%s: met by the first %s meeting held, dated by when it took place, linking to it',
    (kind, type) => {
      const other = held('x', type === 'final' ? 'collaboration' : 'final', '2021-01-01T09:00:00.000Z');
      expect(evidenceOf(kind, facts({ heldMeetings: [other] }))?.met).toBe(false);
      const later = held('b', type, '2021-03-01T09:00:00.000Z');
      const first = held('a', type, '2021-02-01T09:00:00.000Z');
      expect(evidenceOf(kind, facts({ heldMeetings: [other, later, first] }))).toEqual({
        kind,
        met: true,
        at: '2021-02-01T09:00:00.000Z',
        links: [meetingLink(first)],
      });
    },
  );

  it('bilateral meetings: met once every department with contributions has held one it owns, dated by the last', () => {
    const departments = [
      { departmentId: 'n', name: 'Næring', count: 2, firstAt: '2021-02-01T00:00:00.000Z' },
      { departmentId: 's', name: 'Samferdsel', count: 1, firstAt: '2021-02-01T00:00:00.000Z' },
    ];
    // Nobody has contributions: nobody to meet, so not met.
    expect(
      evidenceOf(
        'bilateral_held',
        facts({ heldMeetings: [held('a', 'bilateral', '2021-03-01T09:00:00.000Z', 'n')] }),
      )?.met,
    ).toBe(false);
    const naering = held('a', 'bilateral', '2021-03-01T09:00:00.000Z', 'n');
    const naeringAgain = held('c', 'bilateral', '2021-04-01T09:00:00.000Z', 'n');
    // Another department's meeting, or a collaboration meeting, does not stand in for Samferdsel's.
    const kultur = held('k', 'bilateral', '2021-03-02T09:00:00.000Z', 'k');
    const collaboration = held('m', 'collaboration', '2021-03-03T09:00:00.000Z');
    expect(
      evidenceOf(
        'bilateral_held',
        facts({ departmentProposals: departments, heldMeetings: [naering, kultur, collaboration] }),
      ),
    ).toEqual({ kind: 'bilateral_held', met: false, at: null, links: [] });
    const samferdsel = held('b', 'bilateral', '2021-03-15T09:00:00.000Z', 's');
    expect(
      evidenceOf(
        'bilateral_held',
        facts({
          departmentProposals: departments,
          heldMeetings: [naeringAgain, naering, kultur, samferdsel],
        }),
      ),
    ).toEqual({
      kind: 'bilateral_held',
      met: true,
      at: '2021-03-15T09:00:00.000Z',
      links: [meetingLink(naering), meetingLink(samferdsel)],
    });
  });
});
