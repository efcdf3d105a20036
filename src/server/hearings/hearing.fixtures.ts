import { Document, Packer, Paragraph } from 'docx';
import { and, eq, sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/app.js';
import { auditTrail } from '../../../test/support/app.js';
import { appendAudit } from '../audit/append-audit.js';
import { filledCycle } from '../general-part/general-part.fixtures.js';
import { mailOutbox } from '../mail/mail.table.js';
import { systemActor } from '../platform/context.js';
import { regions } from '../registry/registry.table.js';
import { addDays, osloDate } from './deadline.js';
import { hearings } from './hearing.table.js';
import { openHearing } from './open-hearing.js';

/** Test data for the hearings' database tests, made through the use cases. */

export const appUrl = 'https://partnerskap.viken.test';
export const links = { appUrl };
export const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';
export const coverLetter =
  'Fylkeskommunen sender generell del på høring.\nVi ber særlig om innspill til formål og gjennomføring.';

/** A calendar date (Oslo) the given number of days from today. */
export const inDays = (days: number) => addDays(osloDate(new Date()), days);

/** A new cycle with a filled first draft, and a formal hearing on it, open for three weeks. */
export async function openedHearing(t: TestApp, over: Record<string, unknown> = {}) {
  const { cycle, draft } = await filledCycle(t);
  const hearing = await openHearing(
    t.ctx(t.actors.admin),
    { cycleId: cycle.id, versionId: draft.id, kind: 'formal', deadline: inDays(21), coverLetter, ...over },
    links,
  );
  return { cycle, draft, hearing };
}

/**
 * Time passes: the hearing's deadline was the day before yesterday (the use cases refuse to set that). The
 * change is typed by hand, so it appends the audit event a use case would, which is what tells the read
 * caches (platform/read-cache.ts) that the hearing changed; its entity type is the test's own, so no
 * hearing's audit trail counts it.
 */
export async function passDeadline(t: TestApp, hearingId: string) {
  await t.database.db.transaction(async (tx) => {
    await tx.update(hearings).set({ deadline: sql`(current_date - 2)` }).where(eq(hearings.id, hearingId));
    await appendAudit(
      tx,
      { actor: systemActor, requestId: 'test' },
      {
        action: 'testClock.passDeadline',
        entityType: 'testClock',
        entityId: hearingId,
        before: null,
        after: null,
      },
    );
  });
}

export async function regionId(t: TestApp, name: string): Promise<string> {
  const [row] = await t.database.db.select({ id: regions.id }).from(regions).where(eq(regions.name, name));
  if (!row) throw new Error(`no region ${name}`);
  return row.id;
}

/** The audit events of one entity, oldest first. */
export const auditOf = auditTrail;

export const outboxFor = (t: TestApp, hearingId: string) =>
  t.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.entityType, 'hearing'), eq(mailOutbox.entityId, hearingId)))
    .orderBy(mailOutbox.to, mailOutbox.createdAt);

/** A small real PDF and a real DOCX, and things that only claim to be one. */
export const pdfBytes = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );

export async function docxBytes(text = 'Innspill fra regionen'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}
