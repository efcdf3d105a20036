import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/shared/contracts/common.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * Who may call what, written down here from DESIGN.md's role table and the issues, NOT copied from the
 * route declarations: the walker below checks every operation the API publishes against it, so a route
 * that is added, or whose access changes, must be decided here too.
 *
 * `ownership: true` marks a route where an allowed role may still be refused for a resource that is not
 * theirs (their department's contribution, their region's input): there a 403 for a placeholder id is
 * correct, and only the role check is walked.
 */
type Expected = { access: 'public' | readonly Role[]; ownership?: true };

const everyone: readonly Role[] = ['admin', 'department', 'region', 'viewer'];
const admin: readonly Role[] = ['admin'];
const adminAndViewer: readonly Role[] = ['admin', 'viewer'];
const adminAndRegion: readonly Role[] = ['admin', 'region'];
const adminAndDepartment: readonly Role[] = ['admin', 'department'];
const countyPeople: readonly Role[] = ['admin', 'department', 'viewer'];

const expected: Record<string, Expected> = {
  // System
  'GET /api/health': { access: 'public' },
  'GET /api/health/live': { access: 'public' },
  'GET /api/health/ready': { access: 'public' },
  // Sign-in
  'POST /api/v1/auth/login': { access: 'public' },
  'POST /api/v1/auth/logout': { access: 'public' },
  'GET /api/v1/auth/me': { access: everyone },
  'PUT /api/v1/auth/me/preferences': { access: everyone },
  // Registry: everyone signed in reads it, only the coordinator changes it
  'GET /api/v1/county': { access: everyone },
  'PATCH /api/v1/county': { access: admin },
  'GET /api/v1/departments': { access: everyone },
  'POST /api/v1/departments': { access: admin },
  'PATCH /api/v1/departments/{id}': { access: admin },
  'GET /api/v1/municipalities': { access: everyone },
  'POST /api/v1/municipalities': { access: admin },
  'GET /api/v1/municipalities/{id}': { access: everyone },
  'PATCH /api/v1/municipalities/{id}': { access: admin },
  'GET /api/v1/municipalities/{id}/populations': { access: everyone },
  'PUT /api/v1/municipalities/{id}/populations': { access: admin },
  'GET /api/v1/municipality-populations': { access: everyone },
  'POST /api/v1/municipality-populations/import': { access: admin },
  'GET /api/v1/regions': { access: everyone },
  'POST /api/v1/regions': { access: admin },
  'GET /api/v1/regions/{id}': { access: everyone },
  'PATCH /api/v1/regions/{id}': { access: admin },
  'POST /api/v1/regions/{id}/members': { access: admin },
  'PATCH /api/v1/regions/{id}/members/{membershipId}': { access: admin },
  'DELETE /api/v1/regions/{id}/members/{membershipId}': { access: admin },
  'GET /api/v1/people': { access: everyone },
  'POST /api/v1/people': { access: admin },
  'GET /api/v1/people/{id}': { access: everyone },
  'PATCH /api/v1/people/{id}': { access: admin },
  'DELETE /api/v1/people/{id}': { access: admin },
  // Follow-up roll-up and equal treatment: everyone signed in reads them, the regions side by side
  'GET /api/v1/follow-up/rollup': { access: everyone },
  'GET /api/v1/follow-up/equal-treatment': { access: everyone },
  // Users: the coordinator manages them; auditors and leadership may see who has access
  'GET /api/v1/users': { access: adminAndViewer },
  'POST /api/v1/users': { access: admin },
  'GET /api/v1/users/{id}': { access: adminAndViewer },
  'PATCH /api/v1/users/{id}': { access: admin },
  'POST /api/v1/users/{id}/password': { access: admin },
  // Audit log: the coordinator and the viewers (auditors)
  'GET /api/v1/audit-events': { access: adminAndViewer },
  // Mine oppgaver: everyone's own tasks, decided by who asks
  'GET /api/v1/my-tasks': { access: everyone },
  'GET /api/v1/audit-events/actions': { access: adminAndViewer },
  // E-mail outbox: the coordinator reads what was sent, kept or failed
  'GET /api/v1/outbox': { access: admin },
  'GET /api/v1/outbox/{id}': { access: admin },
  // Cycles and the general part: everyone signed in reads them, only the coordinator writes
  'GET /api/v1/cycles': { access: everyone },
  'POST /api/v1/cycles': { access: admin },
  'GET /api/v1/cycles/{id}': { access: everyone },
  'PATCH /api/v1/cycles/{id}': { access: admin },
  'GET /api/v1/cycles/{id}/general-part': { access: everyone },
  'GET /api/v1/general-part-versions/compare': { access: everyone },
  'GET /api/v1/general-part-versions/{id}': { access: everyone },
  'POST /api/v1/general-part-versions/{id}/drafts': { access: admin },
  'PUT /api/v1/general-part-versions/{id}/sections': { access: admin },
  'POST /api/v1/general-part-versions/{id}/approve': { access: admin },
  'POST /api/v1/general-part-versions/{id}/approval-attachments': { access: admin },
  'GET /api/v1/general-part-versions/{id}/nynorsk': { access: everyone },
  'PUT /api/v1/general-part-versions/{id}/nynorsk': { access: admin },
  'GET /api/v1/general-part-versions/{id}/document': { access: everyone },
  'GET /api/v1/approval-attachments/{id}': { access: everyone },
  // Hearings: everyone signed in reads them (a region contact only those their region is invited to, and
  // while open only its own input); the coordinator opens, extends and closes them and answers input; a
  // region contact gives input for their own region; a department editor answers what is assigned to them
  'GET /api/v1/hearings': { access: everyone },
  'POST /api/v1/hearings': { access: admin },
  'POST /api/v1/hearings/registered-afterwards': { access: admin },
  'GET /api/v1/hearings/{id}': { access: everyone, ownership: true },
  'POST /api/v1/hearings/{id}/extend': { access: admin },
  'POST /api/v1/hearings/{id}/remind': { access: admin },
  'POST /api/v1/hearings/{id}/close': { access: admin },
  'GET /api/v1/hearings/{id}/overview': { access: everyone, ownership: true },
  'GET /api/v1/hearings/{id}/inputs': { access: everyone, ownership: true },
  'POST /api/v1/hearings/{id}/inputs': { access: adminAndRegion, ownership: true },
  'PATCH /api/v1/hearing-inputs/{id}': { access: adminAndRegion, ownership: true },
  'DELETE /api/v1/hearing-inputs/{id}': { access: adminAndRegion, ownership: true },
  'POST /api/v1/hearing-inputs/{id}/attachments': { access: adminAndRegion, ownership: true },
  'GET /api/v1/input-attachments/{id}': { access: everyone, ownership: true },
  'POST /api/v1/hearings/{id}/dispositions': { access: admin },
  // The input summary: the county's document for the political case; a region contact of an invited region
  // reads it once the hearing is closed (likeverdighet), a department editor answers on the hearing screen
  'GET /api/v1/hearings/{id}/summary': { access: ['admin', 'viewer', 'region'], ownership: true },
  'PATCH /api/v1/dispositions/{id}': { access: adminAndDepartment, ownership: true },
  // Agreements and subject areas: everyone signed in reads them, the coordinator makes and changes them;
  // the region's own contact (or the coordinator) marks the subject areas the region wants
  'GET /api/v1/agreements': { access: everyone },
  'POST /api/v1/agreements': { access: admin },
  'GET /api/v1/agreements/{id}': { access: everyone },
  'PATCH /api/v1/agreements/{id}': { access: admin },
  'POST /api/v1/agreements/{id}/general-part': { access: admin },
  'PUT /api/v1/agreements/{id}/subject-areas/{subjectAreaId}': { access: adminAndRegion, ownership: true },
  'DELETE /api/v1/agreements/{id}/subject-areas/{subjectAreaId}': { access: adminAndRegion, ownership: true },
  'GET /api/v1/cycles/{id}/subject-areas': { access: everyone },
  'POST /api/v1/cycles/{id}/subject-areas': { access: admin },
  'PATCH /api/v1/subject-areas/{id}': { access: admin },
  'DELETE /api/v1/subject-areas/{id}': { access: admin },
  // Contributions: everyone signed in reads and comments on them; a department editor writes their own
  // department's (in any region's agreement), a region contact the region's own (in its own agreement)
  'GET /api/v1/agreements/{id}/contributions': { access: everyone },
  'POST /api/v1/agreements/{id}/contributions': {
    access: ['admin', 'department', 'region'],
    ownership: true,
  },
  'GET /api/v1/contributions/{id}': { access: everyone },
  'PATCH /api/v1/contributions/{id}': { access: ['admin', 'department', 'region'], ownership: true },
  'DELETE /api/v1/contributions/{id}': { access: ['admin', 'department', 'region'], ownership: true },
  'POST /api/v1/contributions/{id}/status': { access: ['admin', 'department', 'region'], ownership: true },
  'POST /api/v1/contributions/{id}/move': { access: ['admin', 'department', 'region'], ownership: true },
  // Copying a department's contribution to other regions: its department's editor (or the coordinator)
  'GET /api/v1/contributions/{id}/copy-targets': { access: adminAndDepartment, ownership: true },
  'POST /api/v1/contributions/{id}/copies': { access: adminAndDepartment, ownership: true },
  'GET /api/v1/contributions/{id}/comments': { access: everyone },
  'POST /api/v1/contributions/{id}/comments': { access: everyone },
  'GET /api/v1/mentionable-users': { access: everyone },
  // Special part text: everyone signed in reads every version; the coordinator writes, sends and records it
  // agreed (departments and regions shape it through their contributions, which its generated section shows)
  'GET /api/v1/agreements/{id}/special-part': { access: everyone },
  'POST /api/v1/agreements/{id}/special-part': { access: admin },
  'GET /api/v1/special-part-versions/compare': { access: everyone },
  'GET /api/v1/special-part-versions/{id}': { access: everyone },
  'PUT /api/v1/special-part-versions/{id}/sections': { access: admin },
  'POST /api/v1/special-part-versions/{id}/drafts': { access: admin },
  'POST /api/v1/special-part-versions/{id}/send': { access: admin },
  'POST /api/v1/special-part-versions/{id}/agree': { access: admin },
  // A sent version's answer: the region's own contact answers it for the region; the county's people and
  // that region read it, another region's contact does not
  'GET /api/v1/special-part-versions/{id}/answer': { access: everyone, ownership: true },
  'PUT /api/v1/special-part-versions/{id}/answer': { access: ['region'], ownership: true },
  // The departments × regions matrix and the export of a cycle's contributions: everyone signed in reads
  // every agreement, so everyone reads the whole matrix and may export it
  'GET /api/v1/matrix': { access: everyone },
  'GET /api/v1/contributions/export': { access: everyone },
  // The overview of all regions: the county's people read every row, a region contact its own region's row
  // (the use case narrows it; get-overview.ts)
  'GET /api/v1/overview': { access: everyone },
  // The agreement document: everyone signed in reads every agreement, so everyone may download it; the ZIP
  // of all agreements of a cycle is the coordinator's (it is made in the background and kept)
  'GET /api/v1/agreements/{id}/document': { access: everyone },
  'POST /api/v1/cycles/{id}/agreement-archives': { access: admin },
  'GET /api/v1/agreement-archives/{id}': { access: admin },
  'GET /api/v1/agreement-archives/{id}/file': { access: admin },
  // The cycle's status report covers every region: the county's people, not a region's contact.
  'GET /api/v1/cycles/{id}/status-report': { access: ['admin', 'viewer', 'department'] },
  // Meetings: everyone signed in reads those their role may (a region contact only its own region's, never
  // the county's internal ones); the coordinator manages every meeting, a department editor its own
  // department's bilateral ones; a region contact proposes agenda items and comments on minutes sent for
  // comment; an action's owner (a department's editor, or the person with an account) marks it done
  'GET /api/v1/meetings': { access: everyone },
  'POST /api/v1/meetings': { access: adminAndDepartment, ownership: true },
  'POST /api/v1/meetings/registered-afterwards': { access: adminAndDepartment, ownership: true },
  'GET /api/v1/meetings/{id}': { access: everyone, ownership: true },
  'PATCH /api/v1/meetings/{id}': { access: adminAndDepartment, ownership: true },
  'POST /api/v1/meetings/{id}/state': { access: adminAndDepartment, ownership: true },
  'PUT /api/v1/meetings/{id}/participants': { access: adminAndDepartment, ownership: true },
  'PUT /api/v1/meetings/{id}/minutes': { access: adminAndDepartment, ownership: true },
  'POST /api/v1/meetings/{id}/agenda-items': { access: ['admin', 'department', 'region'], ownership: true },
  'PATCH /api/v1/agenda-items/{id}': { access: adminAndDepartment, ownership: true },
  'DELETE /api/v1/agenda-items/{id}': { access: ['admin', 'department', 'region'], ownership: true },
  'POST /api/v1/agenda-items/{id}/accept': { access: adminAndDepartment, ownership: true },
  'POST /api/v1/agenda-items/{id}/move': { access: adminAndDepartment, ownership: true },
  'POST /api/v1/meetings/{id}/outcomes': { access: adminAndDepartment, ownership: true },
  'PATCH /api/v1/outcomes/{id}': { access: adminAndDepartment, ownership: true },
  'DELETE /api/v1/outcomes/{id}': { access: adminAndDepartment, ownership: true },
  'POST /api/v1/outcomes/{id}/done': { access: ['admin', 'department', 'region'], ownership: true },
  'POST /api/v1/meetings/{id}/comments': { access: ['admin', 'department', 'region'], ownership: true },
  // Calendar: a meeting's .ics for whoever may read it; every user keeps their own feeds; a feed's address
  // holds its token and is public (an unknown token is 404)
  'GET /api/v1/meetings/{id}/calendar.ics': { access: everyone, ownership: true },
  'GET /api/v1/calendar-feeds': { access: everyone },
  'POST /api/v1/calendar-feeds': { access: everyone },
  'DELETE /api/v1/calendar-feeds/{id}': { access: everyone, ownership: true },
  'GET /api/v1/calendar/{token}.ics': { access: 'public' },
  // Milestones and phase: everyone signed in reads a cycle's template, the coordinator keeps it and applies
  // it; an agreement's milestones are read by everyone but other regions' contacts, kept by the coordinator
  // (a region contact keeps its own region's internal ones); the coordinator or the region's own contact
  // marks the region ready to start
  'GET /api/v1/cycles/{id}/milestone-template': { access: everyone },
  'POST /api/v1/cycles/{id}/milestone-template/items': { access: admin },
  'PATCH /api/v1/milestone-template-items/{id}': { access: admin },
  'DELETE /api/v1/milestone-template-items/{id}': { access: admin },
  'POST /api/v1/cycles/{id}/milestone-template/apply': { access: admin },
  'GET /api/v1/agreements/{id}/milestones': { access: everyone, ownership: true },
  'PATCH /api/v1/milestones/{id}': { access: adminAndRegion, ownership: true },
  'PUT /api/v1/agreements/{id}/region-ready': { access: adminAndRegion, ownership: true },
  // Political bodies: everyone signed in reads them and their plans; the coordinator makes them from the
  // registry and keeps every plan, a region contact its regional council's and its members' councils'; a
  // body's plan is public as a calendar feed, as meeting plans are
  'GET /api/v1/bodies': { access: everyone },
  'POST /api/v1/bodies/sync': { access: admin },
  'GET /api/v1/bodies/{id}': { access: everyone },
  'GET /api/v1/bodies/{id}/calendar.ics': { access: 'public' },
  'POST /api/v1/bodies/{id}/meetings': { access: adminAndRegion, ownership: true },
  'PUT /api/v1/bodies/{id}/meetings/{meetingId}': { access: adminAndRegion, ownership: true },
  'DELETE /api/v1/bodies/{id}/meetings/{meetingId}': { access: adminAndRegion, ownership: true },
  // Political cases: the county's people read them (a region contact follows its agreement, not the
  // county's drafts); the coordinator batches, edits, numbers and sends them on
  'GET /api/v1/cases': { access: countyPeople },
  'POST /api/v1/cases': { access: admin },
  'GET /api/v1/cycles/{id}/batch-plan': { access: admin },
  'GET /api/v1/cases/{id}': { access: countyPeople },
  'PUT /api/v1/cases/{id}': { access: admin },
  'PUT /api/v1/cases/{id}/decision-points': { access: admin },
  'PUT /api/v1/cases/{id}/treatments/{treatmentId}': { access: admin },
  'POST /api/v1/cases/{id}/treatments/{treatmentId}/decision': { access: admin },
  'POST /api/v1/cases/{id}/council-case': { access: admin },
  'GET /api/v1/cases/{id}/document': { access: countyPeople },
  // Adoption: everyone who may read the agreement reads its record; the coordinator and the region's own
  // contact record its councils' decisions; the coordinator resolves the changes bodies made
  'GET /api/v1/agreements/{id}/adoption': { access: everyone, ownership: true },
  'PUT /api/v1/agreements/{id}/adoption/{municipalityId}': { access: adminAndRegion, ownership: true },
  'PUT /api/v1/agreements/{id}/adoption/{municipalityId}/protocol': {
    access: adminAndRegion,
    ownership: true,
  },
  'GET /api/v1/agreements/{id}/adoption/{municipalityId}/protocol': { access: everyone, ownership: true },
  'POST /api/v1/divergences/{id}/resolve': { access: admin },
  // Follow-up: everyone signed in reads the commitments, rounds and reports (a draft only its owner, the
  // admin and the viewers); the coordinator adds and changes commitments and opens, closes and publishes
  // rounds; a department editor reports on its department's commitments, a region contact on its region's
  'GET /api/v1/commitments': { access: everyone },
  'POST /api/v1/commitments': { access: admin },
  'GET /api/v1/cycles/{id}/agreements-in-force': { access: everyone },
  'GET /api/v1/commitments/{id}': { access: everyone },
  'PATCH /api/v1/commitments/{id}': { access: admin },
  'POST /api/v1/commitments/{id}/indicators': { access: ['admin', 'department', 'region'], ownership: true },
  'GET /api/v1/reporting-rounds': { access: everyone },
  'POST /api/v1/reporting-rounds': { access: admin },
  'GET /api/v1/reporting-rounds/{id}': { access: everyone },
  'GET /api/v1/reporting-rounds/{id}/commitments': { access: everyone },
  'POST /api/v1/reporting-rounds/{id}/close': { access: admin },
  'POST /api/v1/reporting-rounds/{id}/publish': { access: admin },
  'GET /api/v1/reporting-rounds/{id}/commitments/{commitmentId}/report': { access: everyone },
  'PUT /api/v1/reporting-rounds/{id}/commitments/{commitmentId}/report': {
    access: ['admin', 'department', 'region'],
    ownership: true,
  },
  'POST /api/v1/reporting-rounds/{id}/commitments/{commitmentId}/report/submit': {
    access: ['admin', 'department', 'region'],
    ownership: true,
  },
  'POST /api/v1/reporting-rounds/{id}/commitments/{commitmentId}/report/reopen': { access: admin },
  // The round's annual report: the county's people read the county's and every region's (as the status
  // report); a region contact only their own region's, so a placeholder id answers 403 for them
  'GET /api/v1/reporting-rounds/{id}/annual-report': { access: everyone, ownership: true },
  'POST /api/v1/reporting-rounds/{id}/case': { access: admin },
  // Public pages: the agreements in force, each region's agreement, phase and meeting dates, and the open
  // data, for anyone without signing in; nothing else
  'GET /api/v1/public/agreements': { access: 'public' },
  'GET /api/v1/public/agreements/{id}': { access: 'public' },
  'GET /api/v1/public/agreements/{id}/document': { access: 'public' },
  'GET /api/v1/public/regions': { access: 'public' },
  'GET /api/v1/public/regions/{id}': { access: 'public' },
  'GET /api/v1/public/data': { access: 'public' },
  'GET /api/v1/public/data/{dataset}.{format}': { access: 'public' },
  'GET /api/v1/public/county': { access: 'public' },
  'GET /api/v1/public/hearings': { access: 'public' },
  'GET /api/v1/public/hearings/{id}': { access: 'public' },
};

/** Public routes that are deliberately not operations of the published API. */
const undocumentedPublic = ['/api/openapi.json', '/api/docs', '/api/docs/json'];

type Caller = { name: string; role: Role | null; cookie?: string };
const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let t: TestApp;
let callers: Caller[];
let operations: string[];
beforeAll(async () => {
  t = await startTestApp();
  callers = [
    { name: 'nobody', role: null },
    { name: 'admin', role: 'admin', cookie: await t.cookieFor('admin@demo.partnerskap.no') },
    { name: 'department', role: 'department', cookie: await t.cookieFor('samferdsel@demo.partnerskap.no') },
    { name: 'region', role: 'region', cookie: await t.cookieFor('indre-ostfold@demo.partnerskap.no') },
    { name: 'viewer', role: 'viewer', cookie: await t.cookieFor('leser@demo.partnerskap.no') },
  ];
  const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => methods.has(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
});
afterAll(async () => t.close());

/** What a caller must get: a status that is refused, or "anything but 401/403". */
function verdict(entry: Expected, caller: Caller, status: number): string | null {
  if (entry.access === 'public') {
    return status === 401 || status === 403 ? `got ${status} on a public route` : null;
  }
  if (!caller.role) return status === 401 ? null : `got ${status}, expected 401`;
  if (!entry.access.includes(caller.role)) return status === 403 ? null : `got ${status}, expected 403`;
  if (entry.ownership) return status === 401 ? `got 401 with a valid session` : null;
  return status === 401 || status === 403 ? `got ${status}, but the role is allowed` : null;
}

describe('authorization of every published operation', () => {
  it('has an expected access for every operation, and no expectation without an operation', () => {
    const published = new Set(operations);
    expect({
      missingFromTable: operations.filter((op) => !(op in expected)).sort(),
      notPublished: Object.keys(expected)
        .filter((op) => !published.has(op))
        .sort(),
    }).toEqual({ missingFromTable: [], notPublished: [] });
  });

  it('refuses everyone outside the allowed roles (401 without a session, 403 for a wrong role), and lets the allowed in', async () => {
    const failures: string[] = [];
    let calls = 0;
    // Signing out ends the caller's session, so it is walked last.
    const ordered = [...operations]
      .filter((op) => op in expected)
      .sort((a, b) => Number(a.endsWith('/auth/logout')) - Number(b.endsWith('/auth/logout')));
    for (const op of ordered) {
      const entry = expected[op];
      if (!entry) continue;
      const [method = 'GET', path = ''] = op.split(' ');
      const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
      for (const caller of callers) {
        const res = await t.request({
          method: method as 'GET',
          url,
          cookie: caller.cookie,
          ...(writes.has(method) ? { payload: {} } : {}),
        });
        calls++;
        const problem = verdict(entry, caller, res.statusCode);
        if (problem) failures.push(`${op} as ${caller.name}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(ordered.length * callers.length);
    expect(ordered.length).toBeGreaterThanOrEqual(Object.keys(expected).length);
    // Every operation for every caller, one after another: over two hundred routes take their time on a
    // busy two-core machine.
  }, 120_000);

  it('serves the API description and its documentation to anyone', async () => {
    for (const url of undocumentedPublic) {
      const res = await t.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
    }
  });
});
