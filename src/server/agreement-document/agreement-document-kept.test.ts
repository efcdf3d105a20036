import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { keptDocuments } from '../documents/kept-document.table.js';
import { closeDocumentPool } from '../documents/render-pool.js';
import { readDocx } from '../documents/testing/read-document.js';
import { specialPartSections, specialPartVersions } from '../special-part/special-part.table.js';
import { agreementFixture } from './agreement-document.fixtures.js';

/**
 * An agreement's document is made once and kept when its special part is agreed on an approved general part
 * (documents/kept-document.ts), and made fresh while the special part is a draft.
 */
let t: TestApp;
let viewer: string;
let agreed: Awaited<ReturnType<typeof agreementFixture>>;
let draft: Awaited<ReturnType<typeof agreementFixture>>;

beforeAll(async () => {
  t = await startTestApp();
  viewer = await t.cookieFor('leser@demo.partnerskap.no');
  agreed = await agreementFixture(t, { regionName: 'Indre Østfold regionråd', specialPart: 'agreed' });
  draft = await agreementFixture(t, { regionName: 'Regionrådet for Hallingdal', specialPart: 'draft' });
}, 180_000);

afterAll(async () => {
  await t?.close();
  await closeDocumentPool();
});

const download = (agreementId: string, format: string, headers: Record<string, string> = {}) =>
  t.request({
    method: 'GET',
    url: `/api/v1/agreements/${agreementId}/document?format=${format}`,
    cookie: viewer,
    headers,
  });
const kept = (agreementId: string) =>
  t.database.db
    .select({ id: keptDocuments.id, createdAt: keptDocuments.createdAt, sha256: keptDocuments.sha256 })
    .from(keptDocuments)
    .where(eq(keptDocuments.subjectId, agreementId));

describe("an agreement's document", () => {
  it('is made once when agreed: the second download sends the kept file with the same strong ETag', async () => {
    const first = await download(agreed.agreement.id, 'pdf');
    expect(first.statusCode).toBe(200);
    const rows = await kept(agreed.agreement.id);
    expect(rows).toHaveLength(1);
    expect(first.headers.etag).toBe(`"${rows[0]?.sha256}"`);
    const second = await download(agreed.agreement.id, 'pdf');
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(await kept(agreed.agreement.id)).toEqual(rows);
    const unchanged = await download(agreed.agreement.id, 'pdf', {
      'if-none-match': String(first.headers.etag),
    });
    expect(unchanged.statusCode).toBe(304);
  });

  it('is made fresh while the special part is a draft, and none is kept', async () => {
    const before = await download(draft.agreement.id, 'docx');
    expect(before.statusCode).toBe(200);
    expect(before.headers.etag).toBeUndefined();
    const [version] = await t.database.db
      .select({ id: specialPartVersions.id })
      .from(specialPartVersions)
      .where(eq(specialPartVersions.agreementId, draft.agreement.id));
    if (!version) throw new Error('no special part version');
    const fresh = 'Et avsnitt skrevet etter første nedlasting.';
    await t.database.db
      .update(specialPartSections)
      .set({
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: fresh }] }] },
      })
      .where(eq(specialPartSections.versionId, version.id));
    const after = await download(draft.agreement.id, 'docx');
    expect(readDocx(before.rawPayload).body).not.toContain(fresh);
    expect(readDocx(after.rawPayload).body).toContain(fresh);
    expect(await kept(draft.agreement.id)).toEqual([]);
  });
});
