import type { ParticipantSide, Representation } from '../../shared/contracts/meetings.js';

export type RepresentedParticipant = {
  side: ParticipantSide;
  departmentId: string | null;
  attendance: string;
};

export type Department = { id: string; name: string };

/** Participants marked excused or absent represent nobody; the invited and those who attended do. */
const counts = (p: RepresentedParticipant) => p.attendance !== 'excused' && p.attendance !== 'absent';

/**
 * The representation at a collaboration or final meeting, from its participants, the departments they
 * belong to, the departments with contributions for the meeting's regions, and the cycle's ratio. The
 * seed document asks that the county's representation stand in proportion to the region's ("e.g. one
 * person from each department"), so it warns when a department with contributions has nobody there, and
 * when the county's side is more than `ratio` times the region's (the region and its municipalities:
 * they are the region's side of the agreement). With nobody on either side there is no proportion to
 * judge.
 */
export function representationOf(input: {
  participants: readonly RepresentedParticipant[];
  departments: readonly Department[];
  contributingDepartmentIds: readonly string[];
  ratio: number;
}): Representation {
  const present = input.participants.filter(counts);
  const sides = { county: 0, region: 0, municipality: 0 };
  for (const p of present) sides[p.side] += 1;
  const perDepartment = new Map<string, number>();
  let countyWithoutDepartment = 0;
  for (const p of present) {
    if (p.side !== 'county') continue;
    if (p.departmentId) perDepartment.set(p.departmentId, (perDepartment.get(p.departmentId) ?? 0) + 1);
    else countyWithoutDepartment += 1;
  }
  const contributing = new Set(input.contributingDepartmentIds);
  const byName = [...input.departments].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const departments = byName
    .filter((d) => perDepartment.has(d.id) || contributing.has(d.id))
    .map((d) => ({
      department: { id: d.id, name: d.name },
      participants: perDepartment.get(d.id) ?? 0,
      hasContributions: contributing.has(d.id),
    }));
  const regionSide = sides.region + sides.municipality;
  return {
    sides,
    departments,
    countyWithoutDepartment,
    ratio: input.ratio,
    absentDepartments: departments
      .filter((d) => d.hasContributions && d.participants === 0)
      .map((d) => d.department),
    countyOutnumbers: sides.county > input.ratio * regionSide,
  };
}
