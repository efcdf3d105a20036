import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';

const tables = [
  'county',
  'departments',
  'regions',
  'municipalities',
  'region_memberships',
  'people',
  'users',
  'cycles',
  'document_versions',
  'document_sections',
  'approval_attachments',
  'general_part_nynorsk_sections',
  'hearings',
  'hearing_invitations',
  'hearing_inputs',
  'input_attachments',
  'dispositions',
  'disposition_inputs',
  'mail_outbox',
  'subject_areas',
  'agreements',
  'agreement_general_part_moves',
  'agreement_subject_areas',
  'special_part_versions',
  'special_part_sections',
  'special_part_answers',
  'special_part_answer_comments',
  'milestone_template_items',
  'agreement_milestones',
  'meetings',
  'meeting_agreements',
  'meeting_participants',
  'meeting_agenda_items',
  'meeting_outcomes',
  'meeting_comments',
  'calendar_feeds',
  'political_bodies',
  'body_meetings',
  'political_cases',
  'case_agreements',
  'case_decision_points',
  'case_treatments',
  'municipal_adoptions',
  'adoption_protocols',
  'agreement_divergences',
  'commitments',
  'commitment_changes',
  'commitment_indicators',
  'indicator_goals',
  'reporting_rounds',
  'reporting_round_commitments',
  'commitment_reports',
  'report_indicator_values',
  'audit_events',
] as const;

/** A fingerprint of every registry table and the audit log, to show that a refused write changed nothing. */
export async function snapshot(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const result = (await db.execute(
      sql.raw(
        `select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h, count(*)::int as n from ${table} t`,
      ),
    )) as { rows: { h: string; n: number }[] };
    parts.push(`${table}:${result.rows[0]?.n}:${result.rows[0]?.h}`);
  }
  return parts.join('\n');
}
