import { z } from 'zod';
import {
  type PublicAgreement,
  type PublicAgreementList,
  PublicAgreementListQuery,
  type PublicCounty,
  type PublicHearing,
  type PublicHearingList,
  type PublicRegion,
  type PublicRegionList,
} from '../../shared/contracts/public.js';
import { loadAgreementDocumentData } from '../agreement-document/agreement-document-data.js';
import { agreementDocumentFile } from '../agreement-document/export-agreement-document.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import type { DocumentFile, DocumentFormat } from '../documents/download.js';
import { documentCaller } from '../documents/render-pool.js';
import { osloDate } from '../hearings/deadline.js';
import { parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { decodeCursor, pageAfterKey } from '../platform/cursor.js';
import type { StoredFile } from '../platform/files.js';
import { assertId } from '../platform/ids.js';
import { openDataFile } from './open-data.js';
import { loadClosedHearing, loadClosedHearings, loadPublicCounty } from './public-hearings.js';
import {
  loadAgreementInForce,
  loadAgreementsInForce,
  loadPublicRegion,
  loadPublicRegions,
} from './public-reads.js';

/**
 * What anyone may read without signing in (the routes are `access: 'public'`): the agreements in force,
 * the regions' phases and meeting dates, the open data. Each use case reads only what is public.
 */

/**
 * The agreements in force with their adoption records, for the open data, kept while nothing is written.
 */
const inForce = createReadCache<{ items: PublicAgreement[] }>({ maxEntries: 1 });

const agreementsInForce = (ctx: Ctx) =>
  inForce.read(ctx, 'every scope', 'all', async (reader) => ({ items: await loadAgreementsInForce(reader) }));

/**
 * The public list is read by anyone, often: each page of it is kept while nothing is written, so that its
 * JSON and compressed copies are made once (platform/http/cached-responses.ts), not per request. It leaves
 * out the adoption records (each agreement's page has its own), and it comes a page at a time: a visitor
 * looks at the first agreements and asks for more, and a county with a thousand regions sends a thousand
 * agreements to nobody's phone.
 */
const inForceList = createReadCache<PublicAgreementList>({ maxEntries: 16 });

/** The list's order, by which its cursor is compared: region, start of the period, id. */
const Key = z.tuple([z.string(), z.string(), z.string()]);
const keyOf = (a: Pick<PublicAgreement, 'regionName' | 'periodFrom' | 'id'>): z.infer<typeof Key> => [
  a.regionName,
  a.periodFrom,
  a.id,
];
const byName = new Intl.Collator('nb', { sensitivity: 'variant' });
const compareKeys = (a: readonly string[], b: readonly string[]) =>
  byName.compare(a[0] ?? '', b[0] ?? '') ||
  (a[1] ?? '').localeCompare(b[1] ?? '') ||
  (a[2] ?? '').localeCompare(b[2] ?? '');

export async function listAgreementsInForce(ctx: Ctx, raw: unknown): Promise<PublicAgreementList> {
  const { limit, cursor } = parse(PublicAgreementListQuery, raw ?? {});
  const after = cursor ? decodeCursor(Key, cursor) : null;
  return inForceList.read(ctx, 'every scope', `${limit}|${cursor ?? ''}`, async (reader) => {
    const all = (await loadAgreementsInForce(reader))
      .map(({ adoption: _adoption, ...summary }) => ({ key: keyOf(summary), row: summary }))
      .sort((a, b) => compareKeys(a.key, b.key));
    const page = pageAfterKey(all, after, limit, compareKeys, (key) => key);
    return { items: page.rows, nextCursor: page.nextCursor };
  });
}

export async function getAgreementInForce(ctx: Ctx, id: string): Promise<PublicAgreement> {
  assertId(id);
  return loadAgreementInForce(ctx.db, id);
}

/** An agreement in force as DOCX or PDF; 404 for any other. */
export async function exportAgreementInForce(
  ctx: Ctx,
  id: string,
  format: DocumentFormat,
): Promise<DocumentFile> {
  assertId(id);
  await loadAgreementInForce(ctx.db, id);
  const data = await loadAgreementDocumentData(ctx.db, id);
  return agreementDocumentFile(ctx.db, documentCaller(ctx), data, format);
}

export const listPublicRegions = (ctx: Ctx): Promise<PublicRegionList> => loadPublicRegions(ctx.db);

export async function getPublicRegion(ctx: Ctx, id: string): Promise<PublicRegion> {
  assertId(id);
  return loadPublicRegion(ctx.db, id);
}

export async function openDataset(
  ctx: Ctx,
  dataset: Parameters<typeof openDataFile>[0],
  format: 'csv' | 'json',
): Promise<StoredFile> {
  return openDataFile(dataset, format, (await agreementsInForce(ctx)).items);
}

/** The closed hearings are read by anyone, as the agreements are: kept while nothing is written. */
const closedHearings = createReadCache<PublicHearingList>({ maxEntries: 2 });

/**
 * A hearing closes at midnight after its deadline day without anything being written, so the kept list is
 * the list of one Oslo day: the next day's is read afresh.
 */
export function listClosedHearings(ctx: Ctx): Promise<PublicHearingList> {
  const today = osloDate(new Date());
  return closedHearings.read(ctx, 'every scope', today, async (reader) => ({
    items: await loadClosedHearings(reader, today),
  }));
}

/** A closed hearing with its summary; 404 for an open one. */
export async function getClosedHearing(ctx: Ctx, id: string): Promise<PublicHearing> {
  assertId(id);
  return loadClosedHearing(ctx.db, id);
}

export const getPublicCounty = (ctx: Ctx): Promise<PublicCounty> => loadPublicCounty(ctx.db);
