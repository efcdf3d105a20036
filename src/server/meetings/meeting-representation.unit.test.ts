import { describe, expect, it } from 'vitest';
import { type RepresentedParticipant, representationOf } from './meeting-representation.js';

const samferdsel = { id: 'd-samferdsel', name: 'Samferdsel' };
const kultur = { id: 'd-kultur', name: 'Kultur' };
const naering = { id: 'd-naering', name: 'Næring' };
const departments = [samferdsel, kultur, naering];

const county = (departmentId: string | null, attendance = 'invited'): RepresentedParticipant => ({
  side: 'county',
  departmentId,
  attendance,
});
const region = (attendance = 'invited'): RepresentedParticipant => ({
  side: 'region',
  departmentId: null,
  attendance,
});
const municipality = (): RepresentedParticipant => ({
  side: 'municipality',
  departmentId: null,
  attendance: 'invited',
});

describe('the representation at a collaboration or final meeting', () => {
  it('counts per side and per department, and warns of nothing when each contributing department is there in proportion', () => {
    const r = representationOf({
      participants: [county(samferdsel.id), county(kultur.id), county(null), region(), municipality()],
      departments,
      contributingDepartmentIds: [samferdsel.id, kultur.id],
      ratio: 2,
    });
    expect(r.sides).toEqual({ county: 3, region: 1, municipality: 1 });
    expect(r.countyWithoutDepartment).toBe(1);
    expect(r.departments).toEqual([
      { department: kultur, participants: 1, hasContributions: true },
      { department: samferdsel, participants: 1, hasContributions: true },
    ]);
    expect(r.absentDepartments).toEqual([]);
    expect(r.countyOutnumbers).toBe(false);
  });

  it('names a department with contributions and nobody there, and lists a present one without contributions', () => {
    const r = representationOf({
      participants: [county(naering.id), region()],
      departments,
      contributingDepartmentIds: [samferdsel.id, kultur.id],
      ratio: 2,
    });
    expect(r.absentDepartments).toEqual([kultur, samferdsel]);
    expect(r.departments.find((d) => d.department.id === naering.id)).toEqual({
      department: naering,
      participants: 1,
      hasContributions: false,
    });
  });

  it('warns when the county is more than the ratio times the region and its municipalities, not at it', () => {
    const at = representationOf({
      participants: [county(null), county(null), county(null), county(null), region(), municipality()],
      departments,
      contributingDepartmentIds: [],
      ratio: 2,
    });
    expect(at.countyOutnumbers).toBe(false);
    const over = representationOf({
      participants: [county(null), county(null), county(null), region()],
      departments,
      contributingDepartmentIds: [],
      ratio: 2,
    });
    expect(over.countyOutnumbers).toBe(true);
    expect(
      representationOf({
        ...{ departments, contributingDepartmentIds: [] },
        participants: [county(null), county(null), county(null), region()],
        ratio: 3,
      }).countyOutnumbers,
    ).toBe(false);
  });

  it('leaves out the excused and the absent, and judges no proportion with nobody there', () => {
    const r = representationOf({
      participants: [county(samferdsel.id, 'excused'), county(null, 'attended'), region('absent')],
      departments,
      contributingDepartmentIds: [samferdsel.id],
      ratio: 2,
    });
    expect(r.sides).toEqual({ county: 1, region: 0, municipality: 0 });
    expect(r.absentDepartments).toEqual([samferdsel]);
    expect(r.countyOutnumbers).toBe(true);
    const empty = representationOf({
      participants: [],
      departments,
      contributingDepartmentIds: [],
      ratio: 2,
    });
    expect(empty.countyOutnumbers).toBe(false);
    expect(empty.departments).toEqual([]);
  });
});
