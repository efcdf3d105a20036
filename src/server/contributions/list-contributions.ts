import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import {
  Contribution,
  ContributionList,
  ContributionListQuery,
} from '../../shared/contracts/contributions.js';
import { agreementSubjectAreas, agreements, subjectAreas } from '../agreements/agreement.table.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import type { Db, Tx } from '../db/client.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Actor, Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { keepEncodings } from '../platform/http/cached-responses.js';
import { assertId } from '../platform/ids.js';
import { derivedValue } from '../platform/read-cache.js';
import { regions } from '../registry/registry.table.js';
import {
  asSeenBy,
  type ContributionBase,
  commentCountsQuery,
  listFilter,
  parseCommentCounts,
  readContributionBases,
  readerFieldsOf,
} from './contribution-reads.js';

/**
 * The lists people open again and again (the Bidrag tab, the matrix's cells), kept while nothing in their
 * cycle is written, as every reader sees them: one per agreement and filters, whoever reads it.
 */
const lists = createReadCache<ListBase>({ maxEntries: 256 });

/**
 * Each agreement's comment counts, kept apart from its list: comments come all day, and a comment anywhere
 * in the cycle then loads this small count again, not the list, in the statement that reads the versions.
 * `digest` names the counts, so that counts loaded again but unchanged (a comment on another agreement) find
 * the answers already made from them.
 */
const counts = createReadCache<CommentCounts>({ maxEntries: 256 });

type ListBase = Omit<ContributionList, 'items'> & { items: ContributionBase[] };
type CommentCounts = { byContribution: Readonly<Record<string, number>>; digest: string };

function countsOf(json: unknown): CommentCounts {
  const byContribution = parseCommentCounts(json);
  const listed = Object.entries(byContribution)
    .map(([id, n]) => `${id}:${n}`)
    .sort()
    .join(',');
  return { byContribution, digest: createHash('sha256').update(listed).digest('base64url') };
}

/**
 * Each agreement's cycle, by database, as far as lists were read: the list's cache scope. An agreement never
 * moves to another cycle, so what is kept here is never stale; an agreement read once costs no query for it
 * again. Dropped whole when it grows past a county's few cycles of agreements.
 */
const cyclesOfAgreements = new WeakMap<Db, Map<string, string>>();
const maxKnownAgreements = 20_000;

async function cycleOfAgreement(db: Db, agreementId: string): Promise<string> {
  let known = cyclesOfAgreements.get(db);
  if (!known) {
    known = new Map();
    cyclesOfAgreements.set(db, known);
  }
  const cycleId = known.get(agreementId);
  if (cycleId) return cycleId;
  const [row] = await db
    .select({ cycleId: agreements.cycleId })
    .from(agreements)
    .where(eq(agreements.id, agreementId));
  if (!row) throw notFound();
  if (known.size >= maxKnownAgreements) known.clear();
  known.set(agreementId, row.cycleId);
  return row.cycleId;
}

/**
 * Who the reader is to this list, as far as `canEdit` and `statusChoices` go (contribution-rules.ts
 * `mayWrite`): the coordinator; a department editor whose department owns an item in it; the agreement's own
 * region contact; or anyone else, who may change nothing in it and sees what a reader sees.
 */
function writerKey(actor: Actor, list: ListBase): string {
  if (actor.role === 'admin') return 'admin';
  if (
    actor.role === 'department' &&
    list.items.some((i) => i.owner.type === 'department' && i.owner.department.id === actor.departmentId)
  )
    return `department:${actor.departmentId}`;
  if (actor.role === 'region' && actor.regionId === list.agreement.region.id)
    return `region:${actor.regionId}`;
  return 'reader';
}

/** Answers kept with each list: its kinds of reader, for its latest counts and a few before. */
const answersPerList = 16;

/** What an answer is made of: the list as every reader sees it, its comment counts, and who reads it. */
type ListRead = { actor: Actor; list: ListBase; commented: CommentCounts; writer: string };

async function readList(ctx: Ctx, agreementId: string, raw: unknown): Promise<ListRead> {
  const actx = authorize(ctx, everyone);
  assertId(agreementId);
  const query = parse(ContributionListQuery, raw);
  const key = [agreementId, query.owner ?? '', query.status ?? '', query.subjectArea ?? ''];
  const cycleId = await cycleOfAgreement(actx.db, agreementId);
  const list = await lists.read(actx, [cacheScope.cycle(cycleId)], key.join('|'), (reader) =>
    loadList(reader, agreementId, query),
  );
  const commented = await counts.readJson(
    actx,
    [cacheScope.comments(cycleId)],
    agreementId,
    commentCountsQuery(agreementId),
    countsOf,
  );
  return { actor: actx.actor, list, commented, writer: writerKey(actx.actor, list) };
}

/**
 * An agreement's contributions, grouped by the cycle's subject areas in their order (each marked when the
 * region wants it), filtered by owner, status and subject area. Everyone signed in reads every agreement.
 * The answer is made once for each list, its counts and what the reader may write (only `canEdit` and
 * `statusChoices` depend on that), and kept with the list. The API sends `listContributionsJson`, the same
 * answer as JSON; this is what that JSON is checked against.
 */
export async function listContributions(
  ctx: Ctx,
  agreementId: string,
  raw: unknown,
): Promise<ContributionList> {
  const { actor, list, commented, writer } = await readList(ctx, agreementId, raw);
  return derivedValue(
    list,
    `${writer}|${commented.digest}`,
    () => ({
      ...list,
      items: list.items.map((item) => asSeenBy(actor, item, commented.byContribution[item.id] ?? 0)),
    }),
    answersPerList,
  );
}

/**
 * `listContributions` as the JSON the API sends. Comments change the counts all day, and each reader sees
 * their own `canEdit`, so most answers are made for one request: validating and serializing the whole list
 * for each (a hundred contributions with their texts) cost more than the rest of the request. So each
 * list's parts that every reader sees (the agreement, the subject areas, each item without its count and
 * what the reader may do) are validated against the contract and serialized once, kept with the list, and
 * an answer joins them with each item's three reader's fields. The bytes are kept as the objects were,
 * and compressed once (platform/http/cached-responses.ts `keepEncodings`).
 */
export async function listContributionsJson(ctx: Ctx, agreementId: string, raw: unknown): Promise<Buffer> {
  const { actor, list, commented, writer } = await readList(ctx, agreementId, raw);
  const parts = derivedValue(list, 'json parts', () => jsonPartsOf(list));
  return derivedValue(
    list,
    `json|${writer}|${commented.digest}`,
    () => keepEncodings(jsonAnswer(parts, list, actor, commented)),
    answersPerList,
  );
}

/**
 * The list's JSON up to its items' opening bracket, and each item's JSON without its closing brace, as
 * UTF-8: an answer is then copied together, not encoded again.
 */
type JsonParts = { head: Buffer; items: readonly Buffer[] };

const ListHead = ContributionList.omit({ items: true });
const ItemBase = Contribution.omit({ commentCount: true, canEdit: true, statusChoices: true });
const comma = Buffer.from(',');
const listEnd = Buffer.from(']}');

function jsonPartsOf(list: ListBase): JsonParts {
  const head = JSON.stringify(
    ListHead.encode({ agreement: list.agreement, subjectAreas: list.subjectAreas }),
  );
  return {
    head: Buffer.from(`${head.slice(0, -1)},"items":[`),
    items: list.items.map((item) => Buffer.from(JSON.stringify(ItemBase.encode(item)).slice(0, -1))),
  };
}

function jsonAnswer(parts: JsonParts, list: ListBase, actor: Actor, commented: CommentCounts): Buffer {
  const chunks: Buffer[] = [parts.head];
  list.items.forEach((item, n) => {
    const seen = readerFieldsOf(actor, item, commented.byContribution[item.id] ?? 0);
    if (n > 0) chunks.push(comma);
    chunks.push(
      parts.items[n] as Buffer,
      Buffer.from(
        `,"commentCount":${seen.commentCount},"canEdit":${seen.canEdit},"statusChoices":${JSON.stringify(seen.statusChoices)}}`,
      ),
    );
  });
  chunks.push(listEnd);
  return Buffer.concat(chunks);
}

async function loadList(db: Db | Tx, agreementId: string, query: ContributionListQuery): Promise<ListBase> {
  const [agreement] = await db
    .select({
      id: agreements.id,
      cycleId: agreements.cycleId,
      regionId: regions.id,
      regionName: regions.name,
    })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.id, agreementId));
  if (!agreement) throw notFound();
  const areas = await db
    .select({
      id: subjectAreas.id,
      name: subjectAreas.name,
      position: subjectAreas.position,
      justification: agreementSubjectAreas.justification,
    })
    .from(subjectAreas)
    .leftJoin(
      agreementSubjectAreas,
      and(
        eq(agreementSubjectAreas.subjectAreaId, subjectAreas.id),
        eq(agreementSubjectAreas.agreementId, agreementId),
      ),
    )
    .where(eq(subjectAreas.cycleId, agreement.cycleId))
    .orderBy(asc(subjectAreas.position), asc(subjectAreas.name));
  const items = await readContributionBases(db, listFilter(agreementId, query));
  return {
    agreement: {
      id: agreement.id,
      cycleId: agreement.cycleId,
      region: { id: agreement.regionId, name: agreement.regionName },
    },
    subjectAreas: areas.map((a) => ({
      id: a.id,
      name: a.name,
      position: a.position,
      wanted: a.justification !== null,
      justification: a.justification,
    })),
    items,
  };
}
