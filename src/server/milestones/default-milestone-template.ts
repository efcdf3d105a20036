import type { EvidenceKind, MilestoneStage } from '../../shared/contracts/milestones.js';
import type { AuditCtx } from '../audit/append-audit.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { toTemplateItem } from './milestone.mapper.js';
import { milestoneTemplateItems } from './milestone.table.js';

type DefaultItem = { name: string; stage: MilestoneStage; evidence: EvidenceKind | null; optional: boolean };

/**
 * The county's process for a special part (docs/process.md), as a new cycle's milestones, in bokmål: the
 * names are the cycle's data, which the admin renames. The region's own commitments are optional: a region
 * may take on none. The political milestones have no evidence of their own: the agreement's coming into force
 * (the board's approval and every member council's adoption) completes them (complete-political-milestones.ts).
 */
export const defaultMilestoneTemplate: readonly DefaultItem[] = [
  {
    name: 'Oppstartsmøte med alle rådsområdene',
    stage: 'county_internal',
    evidence: 'kickoff_held',
    optional: false,
  },
  {
    name: 'Rådsområdenes forslag til regionen',
    stage: 'county_internal',
    evidence: 'department_proposals',
    optional: false,
  },
  {
    name: 'Oppsummeringsmøte i fylkeskommunen',
    stage: 'county_internal',
    evidence: 'summary_held',
    optional: false,
  },
  {
    name: 'Regionens ønskede fagområder',
    stage: 'region_internal',
    evidence: 'wanted_subject_areas',
    optional: false,
  },
  {
    name: 'Regionens egne forpliktelser',
    stage: 'region_internal',
    evidence: 'region_commitments',
    optional: true,
  },
  {
    name: 'Første samhandlingsmøte med regionrådet',
    stage: 'joint',
    evidence: 'collaboration_held',
    optional: false,
  },
  { name: 'Bilaterale møter med rådsområdene', stage: 'joint', evidence: 'bilateral_held', optional: false },
  {
    name: 'Fellesmøte om det som legges frem til politisk behandling',
    stage: 'joint',
    evidence: 'final_held',
    optional: false,
  },
  { name: 'Spesiell del avtalt', stage: 'joint', evidence: 'special_part_agreed', optional: false },
  { name: 'Godkjent av fylkesrådet', stage: 'political', evidence: null, optional: false },
  {
    name: 'Vedtatt av kommunestyret i alle medlemskommunene',
    stage: 'political',
    evidence: null,
    optional: false,
  },
];

/** Gives a new cycle the default milestone template, in the caller's transaction (creating the cycle). */
export async function insertDefaultMilestoneTemplate(tx: Tx, actx: AuditCtx, cycleId: string): Promise<void> {
  const rows = await tx
    .insert(milestoneTemplateItems)
    .values(defaultMilestoneTemplate.map((item, position) => ({ cycleId, ...item, position })))
    .returning();
  for (const row of rows) {
    await appendAudit(tx, actx, {
      action: 'milestoneTemplateItem.create',
      entityType: 'milestoneTemplateItem',
      entityId: row.id,
      before: null,
      after: toTemplateItem(row),
    });
  }
}
