import { and, asc, eq, inArray, isNotNull, ne, notExists, sql } from 'drizzle-orm';
import {
  type Matrix,
  type MatrixCell,
  type MatrixDepartment,
  MatrixQuery,
  type MatrixRegion,
  type MatrixRow,
} from '../../shared/contracts/matrix.js';
import { agreementSubjectAreas, agreements } from '../agreements/agreement.table.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { departments, regions } from '../registry/registry.table.js';
import { loadMatrixScope, type MatrixScope } from './matrix-scope.js';

/**
 * The coordinator keeps the matrix open while the departments fill it in and reloads it again and again:
 * kept while nothing is written. Everyone signed in reads the same matrix, so the key is the query alone.
 */
const matrices = createReadCache<Matrix>({ maxEntries: 32 });

/**
 * The departments × regions matrix of a cycle (see the contract, shared/contracts/matrix.ts): every cell
 * counted by status in one aggregate over the `contributions_matrix` index, row by row with the ids said
 * once in the row and the region columns, and per region the subject areas it wants that no department has
 * answered yet.
 */
export async function getMatrix(ctx: Ctx, raw: unknown): Promise<Matrix> {
  authorize(ctx, everyone);
  const query = parse(MatrixQuery, raw ?? {});
  const key = `${query.cycle}|${query.subjectArea.join(',')}|${query.status.join(',')}`;
  return matrices.read(ctx, [cacheScope.cycle(query.cycle)], key, async (reader) => {
    const scope = await loadMatrixScope(reader, query);
    return loadMatrix(reader, scope, query);
  });
}

type Counted = {
  departmentId: string | null;
  agreementId: string;
  proposed: number;
  discussed: number;
  agreed: number;
  dropped: number;
};

async function loadMatrix(db: Db | Tx, scope: MatrixScope, query: MatrixQuery): Promise<Matrix> {
  const c = contributions;
  const counted: Counted[] = await db
    .select({
      departmentId: c.ownerDepartmentId,
      agreementId: c.agreementId,
      proposed: sql<number>`(count(*) filter (where ${c.status} = 'proposed'))::int`,
      discussed: sql<number>`(count(*) filter (where ${c.status} = 'discussed'))::int`,
      agreed: sql<number>`(count(*) filter (where ${c.status} = 'agreed'))::int`,
      dropped: sql<number>`(count(*) filter (where ${c.status} = 'dropped'))::int`,
    })
    .from(c)
    .where(
      and(
        eq(c.cycleId, scope.cycle.id),
        query.status.length > 0 ? inArray(c.status, query.status) : undefined,
        query.subjectArea.length > 0 ? inArray(c.subjectAreaId, query.subjectArea) : undefined,
      ),
    )
    .groupBy(c.ownerDepartmentId, c.agreementId);

  const columns = await db
    .select({ id: regions.id, name: regions.name, agreementId: agreements.id })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.cycleId, scope.cycle.id))
    .orderBy(asc(regions.name), asc(regions.id));

  // Rows: the active departments, and an inactive one only while it still owns contributions here.
  const owning = new Set(counted.map((r) => r.departmentId).filter((id) => id !== null));
  const rows: MatrixDepartment[] = (
    await db
      .select({ id: departments.id, name: departments.name, active: departments.active })
      .from(departments)
      .orderBy(asc(departments.name), asc(departments.id))
  ).filter((d) => d.active || owning.has(d.id));

  const unanswered = await unansweredByAgreement(db, scope.cycle.id, query.subjectArea);
  const order = new Map(scope.subjectAreas.map((s, i) => [s.id, i]));
  const regionColumns: MatrixRegion[] = columns.map((r) => ({
    name: r.name,
    agreementId: r.agreementId,
    unansweredSubjectAreaIds: (unanswered.get(r.agreementId) ?? []).sort(
      (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
    ),
  }));

  const byCell = new Map<string, Counted>();
  for (const r of counted) byCell.set(`${r.departmentId ?? ''}|${r.agreementId}`, r);
  const matrixRows: MatrixRow[] = [...rows.map((d) => d.id), null].map((departmentId) => ({
    departmentId,
    cells: regionColumns.map((region) => {
      const found = byCell.get(`${departmentId ?? ''}|${region.agreementId}`);
      return found
        ? ([found.proposed, found.discussed, found.agreed, found.dropped] as MatrixCell)
        : ([0, 0, 0, 0] as MatrixCell);
    }),
  }));

  return {
    cycle: scope.cycle,
    subjectAreas: scope.subjectAreas,
    departments: rows,
    regions: regionColumns,
    rows: matrixRows,
  };
}

/**
 * Per agreement of the cycle, the subject areas its region wants that no department has answered: no
 * contribution owned by a department in that subject area of that agreement, other than dropped ones.
 */
async function unansweredByAgreement(
  db: Db | Tx,
  cycleId: string,
  subjectAreaIds: readonly string[],
): Promise<Map<string, string[]>> {
  const wanted = agreementSubjectAreas;
  const c = contributions;
  const rows = await db
    .select({ agreementId: wanted.agreementId, subjectAreaId: wanted.subjectAreaId })
    .from(wanted)
    .innerJoin(agreements, eq(agreements.id, wanted.agreementId))
    .where(
      and(
        eq(agreements.cycleId, cycleId),
        subjectAreaIds.length > 0 ? inArray(wanted.subjectAreaId, [...subjectAreaIds]) : undefined,
        notExists(
          db
            .select({ one: sql`1` })
            .from(c)
            .where(
              and(
                eq(c.agreementId, wanted.agreementId),
                eq(c.subjectAreaId, wanted.subjectAreaId),
                isNotNull(c.ownerDepartmentId),
                ne(c.status, 'dropped'),
              ),
            ),
        ),
      ),
    );
  const byAgreement = new Map<string, string[]>();
  for (const r of rows) {
    const list = byAgreement.get(r.agreementId) ?? [];
    list.push(r.subjectAreaId);
    byAgreement.set(r.agreementId, list);
  }
  return byAgreement;
}
