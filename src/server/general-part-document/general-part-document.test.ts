import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { requiredSections } from '../../shared/contracts/general-part.js';
import { readDocx, readPdfPages, squash } from '../documents/testing/read-document.js';
import { approveVersion } from '../general-part/approve-version.js';
import { approval, filledCycle, textBody } from '../general-part/general-part.fixtures.js';
import { markOnHearing } from '../general-part/mark-on-hearing.js';
import { updateNynorsk } from '../general-part/update-nynorsk.js';
import type { ActorCtx } from '../platform/context.js';

let t: TestApp;
let cookies: Record<'admin' | 'viewer' | 'department' | 'bokmalRegion' | 'nynorskRegion', string>;
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    bokmalRegion: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    nynorskRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
});
afterAll(async () => t?.close());

const documentUrl = (id: string, format: string) =>
  `/api/v1/general-part-versions/${id}/document?format=${format}`;
const download = (id: string, format: string, cookie?: string) =>
  t.request({ method: 'GET', url: documentUrl(id, format), cookie });
const years = (cycle: { periodFrom: string; periodTo: string }) =>
  `${cycle.periodFrom.slice(0, 4)}-${cycle.periodTo.slice(0, 4)}`;

/** A new cycle whose first version is on hearing. */
async function versionOnHearing() {
  const { cycle, draft } = await filledCycle(t);
  const sent = await t.database.db.transaction((tx) =>
    markOnHearing(tx, t.ctx(t.actors.admin) as ActorCtx, draft.id),
  );
  return { cycle, version: { ...draft, ...sent } };
}

describe('the general part of a version on hearing, downloaded', () => {
  it('is a DOCX with every section, named by county, cycle, version and state, for every signed-in role', async () => {
    const { cycle, version } = await versionOnHearing();
    for (const cookie of Object.values(cookies)) {
      const res = await download(version.id, 'docx', cookie);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(res.headers['cache-control']).toBe('private, no-store');
      const docx = readDocx(res.rawPayload);
      for (const s of requiredSections) expect(docx.body).toContain(`${s.title}\n${s.title} for perioden.`);
      expect(docx.body).toContain(cycle.name);
      expect(docx.headers).toContain('Viken fylkeskommune');
      expect(docx.footers).toContain('Versjon 1, på høring');
    }
    // A region that writes nynorsk gets the bokmål while the version has no nynorsk text (only an approved
    // version can have one), with the file's words in bokmål too.
    const res = await download(version.id, 'docx', cookies.nynorskRegion);
    const name = `Viken-fylkeskommune-${years(cycle)}-generell-del-v1-på-høring.docx`;
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
  });

  it('is a PDF whose text reads the sections in order', async () => {
    const { cycle, version } = await versionOnHearing();
    const res = await download(version.id, 'pdf', cookies.bokmalRegion);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const name = `Viken-fylkeskommune-${years(cycle)}-generell-del-v1-på-høring.pdf`;
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    const text = squash((await readPdfPages(res.rawPayload)).join('\n'));
    expect(text).toContain('Generell del');
    expect(text).toContain(cycle.name);
    const at = requiredSections.map((s) => text.indexOf(`${s.title} for perioden.`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('is refused without a sign-in, 404 for an unknown version and 400 for an unknown format', async () => {
    const { version } = await versionOnHearing();
    expect((await download(version.id, 'docx')).statusCode).toBe(401);
    expect((await download('7d3e6b4e-0000-4000-8000-000000000000', 'pdf', cookies.admin)).statusCode).toBe(
      404,
    );
    const bad = await download(version.id, 'odt', cookies.admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ errors: [{ field: 'format' }] });
  });
});

describe('an approved version with a nynorsk text, downloaded', () => {
  it('is nynorsk for a region that writes nynorsk, and bokmål for everyone else', async () => {
    const { cycle, draft } = await filledCycle(t);
    const approved = await approveVersion(t.ctx(t.actors.admin), draft.id, approval(draft.version));
    await updateNynorsk(t.ctx(t.actors.admin), approved.id, {
      version: approved.version,
      sections: requiredSections.map((s) => ({
        key: s.key,
        title: `${s.title} (nn)`,
        body: textBody(`Nynorsk tekst om ${s.key}.`),
      })),
    });

    const nynorsk = await download(approved.id, 'docx', cookies.nynorskRegion);
    const docx = readDocx(nynorsk.rawPayload);
    for (const s of requiredSections)
      expect(docx.body).toContain(`${s.title} (nn)\nNynorsk tekst om ${s.key}.`);
    expect(docx.body).not.toContain('for perioden.');
    expect(docx.body).toContain('partnarskapsavtalane');
    expect(docx.footers).toContain('Versjon 1, godkjend 18.06.2024');
    const name = `Viken-fylkeskommune-${years(cycle)}-generell-del-v1-godkjend.docx`;
    expect(nynorsk.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);

    const pdf = squash(
      (await readPdfPages((await download(approved.id, 'pdf', cookies.nynorskRegion)).rawPayload)).join('\n'),
    );
    expect(pdf).toContain('Nynorsk tekst om purpose.');

    for (const cookie of [cookies.admin, cookies.bokmalRegion, cookies.department, cookies.viewer]) {
      const bokmal = readDocx((await download(approved.id, 'docx', cookie)).rawPayload);
      expect(bokmal.body).toContain('Formål\nFormål for perioden.');
      expect(bokmal.body).not.toContain('Nynorsk tekst');
      expect(bokmal.footers).toContain('Versjon 1, godkjent 18.06.2024');
    }
  });
});
