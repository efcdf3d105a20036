import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { requiredSections } from '../../shared/contracts/general-part.js';
import { closeHearing } from './close-hearing.js';
import { auditOf, openedHearing, passDeadline, regionId, unknownId } from './hearing.fixtures.js';
import { hearingInputs } from './hearing.table.js';
import { listInputs } from './list-inputs.js';
import { submitInput } from './submit-input.js';
import { updateInput } from './update-input.js';
import { withdrawInput } from './withdraw-input.js';

let t: TestApp;
let cookies: { admin: string; viewer: string; department: string; region: string; otherRegion: string };
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    otherRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
});
afterAll(async () => t.close());

const asRegion = () => t.ctx(t.actors.region);
const asOtherRegion = () => t.ctx(t.actors.otherRegion);
const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
  t.request({ method, url, cookie, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
const inputsSeenBy = async (cookie: string, hearingId: string) =>
  (await req('GET', `/api/v1/hearings/${hearingId}/inputs`, cookie)).json().items as {
    id: string;
    region: { name: string };
    sectionKey: string | null;
  }[];

describe('giving input', () => {
  it("takes a region contact's input on a section and on the whole document, for their own region, audited", async () => {
    const { hearing } = await openedHearing(t);
    const res = await req('POST', `/api/v1/hearings/${hearing.id}/inputs`, cookies.region, {
      sectionKey: 'purpose',
      text: 'Formålet bør nevne grønn omstilling.\nOg kollektivtilbudet.',
    });
    expect(res.statusCode).toBe(201);
    const input = res.json();
    expect(input).toMatchObject({
      hearingId: hearing.id,
      region: { id: t.actors.region.regionId, name: 'Indre Østfold regionråd' },
      sectionKey: 'purpose',
      sectionTitle: 'Formål',
      text: 'Formålet bør nevne grønn omstilling.\nOg kollektivtilbudet.',
      late: false,
      submittedBy: { id: t.actors.region.id, name: t.actors.region.name },
      attachments: [],
      disposition: null,
      version: 1,
    });
    const whole = await submitInput(asRegion(), hearing.id, { text: 'Hele dokumentet er for langt.' });
    expect(whole).toMatchObject({ sectionKey: null, sectionTitle: null, late: false });
    // Naming their own region is the same as leaving it out.
    const named = await submitInput(asRegion(), hearing.id, {
      regionId: t.actors.region.regionId,
      sectionKey: 'anchoring',
      text: 'Vis til regional planstrategi.',
    });
    expect(named.region.id).toBe(t.actors.region.regionId);

    const [event] = await auditOf(t, 'hearingInput', input.id);
    expect(event).toMatchObject({
      action: 'input.submit',
      actorId: t.actors.region.id,
      before: null,
      after: {
        hearingId: hearing.id,
        regionId: t.actors.region.regionId,
        sectionKey: 'purpose',
        late: false,
      },
    });
    const counts = (await req('GET', `/api/v1/hearings/${hearing.id}`, cookies.admin)).json().counts;
    expect(counts).toEqual({
      invitedRegions: 12,
      regionsWithInput: 1,
      inputs: 3,
      lateInputs: 0,
      unanswered: 3,
    });
  });

  it('refuses a region contact writing for another region, and a region that was not invited (403), changing nothing', async () => {
    const drammen = await regionId(t, 'Drammensregionen');
    const { hearing } = await openedHearing(t, { invitedRegionIds: [t.actors.region.regionId, drammen] });
    const before = await snapshot(t.database.db);
    const forOther = await req('POST', `/api/v1/hearings/${hearing.id}/inputs`, cookies.region, {
      regionId: drammen,
      text: 'Skrevet for en annen region.',
    });
    expect(forOther.statusCode).toBe(403);
    await expect(
      submitInput(asRegion(), hearing.id, { regionId: drammen, text: 'Skrevet for en annen region.' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const notInvited = await req('POST', `/api/v1/hearings/${hearing.id}/inputs`, cookies.otherRegion, {
      text: 'Hallingdal er ikke invitert.',
    });
    expect(notInvited.statusCode).toBe(403);
    expect((await req('GET', `/api/v1/hearings/${hearing.id}/inputs`, cookies.otherRegion)).statusCode).toBe(
      403,
    );
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses input after the deadline with 409 hearingClosed, and after an early close', async () => {
    const { hearing } = await openedHearing(t);
    await passDeadline(t, hearing.id);
    const before = await snapshot(t.database.db);
    const res = await req('POST', `/api/v1/hearings/${hearing.id}/inputs`, cookies.region, {
      text: 'For sent.',
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'conflict',
      errors: [
        {
          field: '_',
          code: 'validation.hearingClosed',
          message: 'Høringen er lukket. Innspill kan ikke lenger sendes, endres eller trekkes tilbake.',
        },
      ],
    });
    expect(await snapshot(t.database.db)).toBe(before);

    const { hearing: early } = await openedHearing(t);
    await closeHearing(t.ctx(t.actors.admin), early.id, { version: early.version });
    await expect(submitInput(asRegion(), early.id, { text: 'For sent.' })).rejects.toMatchObject({
      code: 'conflict',
      fields: [{ code: 'validation.hearingClosed' }],
    });
  });

  it('lets the admin register input for a region after the deadline, marked late', async () => {
    const { hearing } = await openedHearing(t);
    await passDeadline(t, hearing.id);
    const res = await req('POST', `/api/v1/hearings/${hearing.id}/inputs`, cookies.admin, {
      regionId: t.actors.otherRegion.regionId,
      sectionKey: 'implementation',
      text: 'Innspill sendt per e-post etter fristen.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ late: true, region: { name: 'Regionrådet for Hallingdal' } });
    const [event] = await auditOf(t, 'hearingInput', res.json().id);
    expect(event).toMatchObject({
      action: 'input.registerLate',
      actorId: t.actors.admin.id,
      after: { late: true },
    });
    expect((await req('GET', `/api/v1/hearings/${hearing.id}`, cookies.admin)).json().counts).toMatchObject({
      inputs: 1,
      lateInputs: 1,
    });
  });

  it('answers bad input with 400 naming the field, and changes nothing', async () => {
    const { hearing } = await openedHearing(t);
    await submitInput(asRegion(), hearing.id, { sectionKey: 'period', text: 'Perioden er for kort.' });
    const cases: [string, string, Record<string, unknown>, string, string][] = [
      ['no text', cookies.region, { text: '  ' }, 'text', 'validation.required'],
      [
        'a section the version lacks',
        cookies.region,
        { sectionKey: 'climate', text: 'x' },
        'sectionKey',
        'validation.unknownSection',
      ],
      [
        'a malformed section key',
        cookies.region,
        { sectionKey: 'Formål!', text: 'x' },
        'sectionKey',
        'validation.sectionKey',
      ],
      [
        'a second input on the section',
        cookies.region,
        { sectionKey: 'period', text: 'Igjen.' },
        'sectionKey',
        'validation.inputExists',
      ],
      ['the admin without a region', cookies.admin, { text: 'x' }, 'regionId', 'validation.regionRequired'],
      [
        'the admin for a region not invited',
        cookies.admin,
        { regionId: unknownId, text: 'x' },
        'regionId',
        'validation.regionNotInvited',
      ],
    ];
    const before = await snapshot(t.database.db);
    for (const [what, cookie, payload, field, code] of cases) {
      const res = await req('POST', `/api/v1/hearings/${hearing.id}/inputs`, cookie, payload);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().errors, what).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await snapshot(t.database.db)).toBe(before);
    expect(
      (await req('POST', `/api/v1/hearings/${unknownId}/inputs`, cookies.region, { text: 'x' })).statusCode,
    ).toBe(404);
  });

  it('refuses department editors and viewers (403) and anyone not signed in (401), changing nothing', async () => {
    const { hearing } = await openedHearing(t);
    const mine = await submitInput(asRegion(), hearing.id, { text: 'Vårt innspill.' });
    const before = await snapshot(t.database.db);
    for (const actor of [t.actors.viewer, t.actors.department]) {
      await expect(submitInput(t.ctx(actor), hearing.id, { text: 'x' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(updateInput(t.ctx(actor), mine.id, { text: 'x', version: 1 })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(withdrawInput(t.ctx(actor), mine.id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    for (const cookie of [cookies.viewer, cookies.department]) {
      expect(
        (await req('POST', `/api/v1/hearings/${hearing.id}/inputs`, cookie, { text: 'x' })).statusCode,
      ).toBe(403);
      expect(
        (await req('PATCH', `/api/v1/hearing-inputs/${mine.id}`, cookie, { text: 'x', version: 1 }))
          .statusCode,
      ).toBe(403);
      expect((await req('DELETE', `/api/v1/hearing-inputs/${mine.id}`, cookie)).statusCode).toBe(403);
    }
    expect((await req('POST', `/api/v1/hearings/${hearing.id}/inputs`, '', { text: 'x' })).statusCode).toBe(
      401,
    );
    await expect(submitInput(t.ctx(null), hearing.id, { text: 'x' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('editing and withdrawing input', () => {
  it('edits the text and moves it to another section from the version seen; a stale version gets 409', async () => {
    const { hearing } = await openedHearing(t);
    const input = await submitInput(asRegion(), hearing.id, {
      sectionKey: 'purpose',
      text: 'Første utkast.',
    });
    const res = await req('PATCH', `/api/v1/hearing-inputs/${input.id}`, cookies.region, {
      text: 'Andre utkast.',
      sectionKey: 'anchoring',
      version: input.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ text: 'Andre utkast.', sectionKey: 'anchoring', version: 2 });
    const events = await auditOf(t, 'hearingInput', input.id);
    expect(events[1]).toMatchObject({
      action: 'input.update',
      before: { text: 'Første utkast.', sectionKey: 'purpose' },
      after: { text: 'Andre utkast.', sectionKey: 'anchoring' },
    });

    const before = await snapshot(t.database.db);
    const staleRes = await req('PATCH', `/api/v1/hearing-inputs/${input.id}`, cookies.region, {
      text: 'Fra en gammel skjerm.',
      version: input.version,
    });
    expect(staleRes.statusCode).toBe(409);
    expect(staleRes.json().code).toBe('stale');
    const staleDelete = await req('DELETE', `/api/v1/hearing-inputs/${input.id}?version=1`, cookies.region);
    expect(staleDelete.statusCode).toBe(409);
    const unknownSection = await req('PATCH', `/api/v1/hearing-inputs/${input.id}`, cookies.region, {
      sectionKey: 'climate',
      version: 2,
    });
    expect(unknownSection.statusCode).toBe(400);
    expect(unknownSection.json().errors[0]).toMatchObject({
      field: 'sectionKey',
      code: 'validation.unknownSection',
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it("refuses another region's input (403) and any change after the deadline (409), changing nothing", async () => {
    const { hearing } = await openedHearing(t);
    const input = await submitInput(asRegion(), hearing.id, { text: 'Indre Østfolds innspill.' });
    const before = await snapshot(t.database.db);
    expect(
      (
        await req('PATCH', `/api/v1/hearing-inputs/${input.id}`, cookies.otherRegion, {
          text: 'x',
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await req('DELETE', `/api/v1/hearing-inputs/${input.id}`, cookies.otherRegion)).statusCode).toBe(
      403,
    );
    // The admin does not rewrite a region's own words.
    expect(
      (await req('PATCH', `/api/v1/hearing-inputs/${input.id}`, cookies.admin, { text: 'x', version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);

    await passDeadline(t, hearing.id);
    const after = await snapshot(t.database.db);
    const edit = await req('PATCH', `/api/v1/hearing-inputs/${input.id}`, cookies.region, {
      text: 'x',
      version: 1,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().errors[0].code).toBe('validation.hearingClosed');
    const withdraw = await req('DELETE', `/api/v1/hearing-inputs/${input.id}`, cookies.region);
    expect(withdraw.statusCode).toBe(409);
    expect(await snapshot(t.database.db)).toBe(after);
    for (const id of [unknownId, 'nope']) {
      expect(
        (await req('PATCH', `/api/v1/hearing-inputs/${id}`, cookies.region, { text: 'x', version: 1 }))
          .statusCode,
      ).toBe(404);
    }
  });

  it('withdraws input: kept for the record, seen by nobody, and the section is free again', async () => {
    const { hearing } = await openedHearing(t);
    const input = await submitInput(asRegion(), hearing.id, { sectionKey: 'period', text: 'Trekkes.' });
    const res = await req('DELETE', `/api/v1/hearing-inputs/${input.id}?version=1`, cookies.region);
    expect(res.statusCode).toBe(204);
    const [row] = await t.database.db.select().from(hearingInputs).where(eq(hearingInputs.id, input.id));
    expect(row).toMatchObject({ withdrawnBy: t.actors.region.id, text: 'Trekkes.' });
    expect(row?.withdrawnAt).toBeInstanceOf(Date);
    expect((await auditOf(t, 'hearingInput', input.id)).map((e) => e.action)).toEqual([
      'input.submit',
      'input.withdraw',
    ]);
    expect(await inputsSeenBy(cookies.admin, hearing.id)).toEqual([]);
    const again = await submitInput(asRegion(), hearing.id, { sectionKey: 'period', text: 'Nytt innspill.' });
    expect(again.sectionKey).toBe('period');
    const twice = await req('DELETE', `/api/v1/hearing-inputs/${input.id}`, cookies.region);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].code).toBe('validation.inputWithdrawn');
  });

  it('lets the admin correct and withdraw the late input they registered', async () => {
    const { hearing } = await openedHearing(t);
    await passDeadline(t, hearing.id);
    const late = await submitInput(t.ctx(t.actors.admin), hearing.id, {
      regionId: t.actors.region.regionId,
      text: 'Skrivefeil her.',
    });
    const fixed = await updateInput(t.ctx(t.actors.admin), late.id, {
      text: 'Rettet.',
      version: late.version,
    });
    expect(fixed).toMatchObject({ text: 'Rettet.', late: true });
    await withdrawInput(t.ctx(t.actors.admin), late.id, { version: fixed.version });
    expect((await listInputs(t.ctx(t.actors.admin), hearing.id, {})).items).toEqual([]);
  });
});

describe('who sees which input', () => {
  it('shows a region only its own input while open, and every invited region all of it after the deadline', async () => {
    const { hearing } = await openedHearing(t);
    await submitInput(asRegion(), hearing.id, { sectionKey: 'purpose', text: 'Fra Indre Østfold.' });
    await submitInput(asOtherRegion(), hearing.id, { text: 'Fra Hallingdal.' });
    const names = (items: { region: { name: string } }[]) => items.map((i) => i.region.name);

    expect(names(await inputsSeenBy(cookies.region, hearing.id))).toEqual(['Indre Østfold regionråd']);
    expect(names(await inputsSeenBy(cookies.otherRegion, hearing.id))).toEqual([
      'Regionrådet for Hallingdal',
    ]);
    expect(await inputsSeenBy(cookies.department, hearing.id)).toEqual([]);
    // In the document's order: Hallingdal's input on the whole document before Indre Østfold's on a section.
    const all = ['Regionrådet for Hallingdal', 'Indre Østfold regionråd'];
    expect(names(await inputsSeenBy(cookies.admin, hearing.id))).toEqual(all);
    expect(names(await inputsSeenBy(cookies.viewer, hearing.id))).toEqual(all);
    // Counts follow what the caller may see.
    const regionView = (await req('GET', `/api/v1/hearings/${hearing.id}`, cookies.region)).json();
    expect(regionView.counts).toMatchObject({ inputs: 1, regionsWithInput: 1 });

    await passDeadline(t, hearing.id);
    expect(names(await inputsSeenBy(cookies.region, hearing.id))).toEqual(all);
    expect(names(await inputsSeenBy(cookies.otherRegion, hearing.id))).toEqual(all);
    expect(names(await inputsSeenBy(cookies.department, hearing.id))).toEqual(all);
    expect((await req('GET', `/api/v1/hearings/${hearing.id}`, cookies.region)).json().counts).toMatchObject({
      inputs: 2,
      regionsWithInput: 2,
    });
  });

  it('filters by region and section, whole document included', async () => {
    const { hearing } = await openedHearing(t);
    await submitInput(asRegion(), hearing.id, { sectionKey: 'purpose', text: 'A.' });
    await submitInput(asRegion(), hearing.id, { text: 'B.' });
    await submitInput(asOtherRegion(), hearing.id, { sectionKey: 'purpose', text: 'C.' });
    const texts = async (query: string) =>
      (await req('GET', `/api/v1/hearings/${hearing.id}/inputs?${query}`, cookies.admin))
        .json()
        .items.map((i: { text: string }) => i.text);
    expect(await texts('')).toEqual(['B.', 'A.', 'C.']);
    expect(await texts('section=purpose')).toEqual(['A.', 'C.']);
    expect(await texts('section=_document')).toEqual(['B.']);
    expect(await texts(`region=${t.actors.otherRegion.regionId}`)).toEqual(['C.']);
    expect(await texts('status=answered')).toEqual([]);
    const bad = await req(
      'GET',
      `/api/v1/hearings/${hearing.id}/inputs?section=Nope!&status=maybe`,
      cookies.admin,
    );
    expect(bad.statusCode).toBe(400);
  });
});

describe('a page of the input', () => {
  it("gives the input in the document's order, a page at a time, on the list and on the hearing screen", async () => {
    const { hearing } = await openedHearing(t);
    const [first, second] = requiredSections.map((s) => s.key);
    // Given in a jumbled order: the later section first, the whole document last.
    for (const as of [asRegion, asOtherRegion]) {
      await submitInput(as(), hearing.id, { sectionKey: second, text: 'Om den andre delen.' });
      await submitInput(as(), hearing.id, { sectionKey: first, text: 'Om den første delen.' });
      await submitInput(as(), hearing.id, { text: 'Om hele dokumentet.' });
    }
    await passDeadline(t, hearing.id);
    const place = (i: { sectionKey: string | null; region: { name: string } }) =>
      `${i.sectionKey ?? 'dokumentet'}: ${i.region.name}`;
    const inDocumentOrder = [null, first, second].flatMap((key) =>
      ['Indre Østfold regionråd', 'Regionrådet for Hallingdal'].map(
        (name) => `${key ?? 'dokumentet'}: ${name}`,
      ),
    );
    expect((await inputsSeenBy(cookies.admin, hearing.id)).map(place)).toEqual(inDocumentOrder);

    for (const path of ['inputs', 'overview']) {
      const seen: string[] = [];
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const res = await req(
          'GET',
          `/api/v1/hearings/${hearing.id}/${path}?limit=4&cursor=${cursor}`,
          cookies.admin,
        );
        expect(res.statusCode).toBe(200);
        const body = res.json();
        const items = path === 'inputs' ? body.items : body.inputs;
        if (path === 'overview') expect(body.matching).toBe(6);
        seen.push(...items.map(place));
        cursor = body.nextCursor;
        pages++;
      }
      expect(pages).toBe(2);
      expect(seen).toEqual(inDocumentOrder);
    }

    // The filters select before the page is cut; the tallies stay those of everything.
    const res = await req(
      'GET',
      `/api/v1/hearings/${hearing.id}/overview?section=_document&limit=1`,
      cookies.admin,
    );
    const body = res.json();
    expect(body.inputs.map(place)).toEqual([inDocumentOrder[0]]);
    expect(body.matching).toBe(2);
    expect(body.nextCursor).toEqual(expect.any(String));
    expect(body.sections.map((s: { inputs: number }) => s.inputs).slice(0, 3)).toEqual([2, 2, 2]);
  });

  it('starts the next page after the last input shown, even when that input was withdrawn meanwhile', async () => {
    const { hearing } = await openedHearing(t);
    const [first, second] = requiredSections.map((s) => s.key);
    await submitInput(asRegion(), hearing.id, { sectionKey: second, text: 'Om den andre delen.' });
    const gone = await submitInput(asRegion(), hearing.id, { sectionKey: first, text: 'Om den første.' });
    await submitInput(asRegion(), hearing.id, { text: 'Om hele dokumentet.' });
    const url = `/api/v1/hearings/${hearing.id}/inputs?limit=2`;
    const page1 = (await req('GET', url, cookies.region)).json();
    expect(page1.items.map((i: { sectionKey: string | null }) => i.sectionKey)).toEqual([null, first]);
    await withdrawInput(asRegion(), gone.id, {});
    const page2 = (await req('GET', `${url}&cursor=${page1.nextCursor}`, cookies.region)).json();
    expect(page2.items.map((i: { sectionKey: string | null }) => i.sectionKey)).toEqual([second]);
    expect(page2.nextCursor).toBeNull();
  });

  it('refuses a cursor that is not one of its own, and a limit out of range, on the field', async () => {
    const { hearing } = await openedHearing(t);
    const bad = Buffer.from(JSON.stringify(['x', 1]), 'utf8').toString('base64url');
    for (const query of [`limit=10&cursor=${bad}`, 'limit=10&cursor=%25%25', 'limit=0', 'limit=501']) {
      const res = await req('GET', `/api/v1/hearings/${hearing.id}/overview?${query}`, cookies.admin);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const field = query.includes('cursor') ? 'cursor' : 'limit';
      expect(JSON.stringify(res.json()), query).toContain(field);
    }
  });
});
