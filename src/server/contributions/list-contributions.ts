import { and, asc, eq } from 'drizzle-orm';
import { type ContributionList, ContributionListQuery } from '../../shared/contracts/contributions.js';
import { agreementSubjectAreas, agreements, subjectAreas } from '../agreements/agreement.table.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import type { Db, Tx } from '../db/client.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Actor, Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { regions } from '../registry/registry.table.js';
import { listFilter, readContributions } from './contribution-reads.js';

/**
 * The lists people open again and again (the Bidrag tab, the matrix's cells) kept while nothing is written.
 * Only `canEdit` and `statusChoices` depend on the reader, and only on what they may write: the key names that,
 * not the person.
 */
const lists = createReadCache<ContributionList>({ maxEntries: 128 });

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

const writerKey = (actor: Actor) =>
  actor.role === 'department'
    ? `department:${actor.departmentId}`
    : actor.role === 'region'
      ? `region:${actor.regionId}`
      : actor.role;

/**
 * An agreement's contributions, grouped by the cycle's subject areas in their order (each marked when the
 * region wants it), filtered by owner, status and subject area. Everyone signed in reads every agreement.
 */
export async function listContributions(
  ctx: Ctx,
  agreementId: string,
  raw: unknown,
): Promise<ContributionList> {
  const actx = authorize(ctx, everyone);
  assertId(agreementId);
  const query = parse(ContributionListQuery, raw);
  const key = [
    agreementId,
    query.owner ?? '',
    query.status ?? '',
    query.subjectArea ?? '',
    writerKey(actx.actor),
  ];
  const cycleId = await cycleOfAgreement(actx.db, agreementId);
  return lists.read(
    actx,
    [cacheScope.cycle(cycleId), cacheScope.comments(cycleId)],
    key.join('|'),
    (reader) => loadList(reader, actx.actor, agreementId, query),
  );
}

async function loadList(
  db: Db | Tx,
  actor: Actor,
  agreementId: string,
  query: ContributionListQuery,
): Promise<ContributionList> {
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
  const items = await readContributions(db, actor, listFilter(agreementId, query));
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
