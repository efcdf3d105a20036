import { CreateCycleInput, type Cycle, requiredSections } from '../../shared/contracts/general-part.js';
import { emptyRichText } from '../../shared/contracts/rich-text.js';
import { insertDefaultSubjectAreas } from '../agreements/default-subject-areas.js';
import { appendAudit } from '../audit/append-audit.js';
import { insertDefaultMilestoneTemplate } from '../milestones/default-milestone-template.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { rethrowUnique } from '../platform/errors.js';
import { auditedVersion, toCycle } from './general-part.mapper.js';
import { cycles, generalPartSections, generalPartVersions } from './general-part.table.js';

/**
 * A new cycle starts with its general part (version 1, a draft with the five required sections, empty),
 * the default subject areas and the default milestone template.
 */
export async function createCycle(ctx: Ctx, raw: unknown): Promise<Cycle> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(CreateCycleInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const [row] = await tx.insert(cycles).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      const [version] = await tx
        .insert(generalPartVersions)
        .values({ cycleId: row.id, number: 1, state: 'draft', createdBy: userIdOf(actx.actor) })
        .returning();
      if (!version) throw new Error('insert returned nothing');
      await tx.insert(generalPartSections).values(
        requiredSections.map((s, position) => ({
          versionId: version.id,
          key: s.key,
          title: s.title,
          body: emptyRichText(),
          position,
          required: true,
        })),
      );
      const cycle = toCycle(row);
      await appendAudit(tx, actx, {
        action: 'cycle.create',
        entityType: 'cycle',
        entityId: row.id,
        before: null,
        after: cycle,
      });
      await appendAudit(tx, actx, {
        action: 'generalPartVersion.createDraft',
        entityType: 'generalPartVersion',
        entityId: version.id,
        before: null,
        after: { ...auditedVersion(version), sections: requiredSections.map((s) => s.key) },
      });
      await insertDefaultSubjectAreas(tx, actx, row.id);
      await insertDefaultMilestoneTemplate(tx, actx, row.id);
      return cycle;
    });
  } catch (error) {
    rethrowUnique(error, { cycles_name_unique: ['name', 'validation.nameTaken'] });
  }
}
