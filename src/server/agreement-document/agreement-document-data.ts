import { eq } from 'drizzle-orm';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import type { GeneratedSubjectArea } from '../../shared/contracts/special-part.js';
import { agreements } from '../agreements/agreement.table.js';
import { agreementTitle, partiesOf } from '../agreements/agreement-reads.js';
import type { Db, Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { generalPartText } from '../general-part/nynorsk-reads.js';
import { notFound } from '../platform/errors.js';
import { regions } from '../registry/registry.table.js';
import { generateContributionsContent } from '../special-part/contributions-content.js';
import { loadSpecialPartForDocument } from '../special-part/special-part-reads.js';

/**
 * Everything the agreement document prints, without any words of its own: the model builder
 * (agreement-document-model.ts) turns it into text in the region's written standard.
 *
 * Which special part and which contributions (the special part's own rule, loadSpecialPartForDocument):
 * - the AGREED version when there is one (the one in force, even while a newer draft is being written),
 *   with the contributions frozen in it when it was sent: what the parties agreed, whatever has changed
 *   in the contributions since;
 * - otherwise the newest version: a sent version with its frozen contributions, or a draft with the
 *   agreement's contributions whose status is `agreed` now;
 * - no special part yet: no special part text, and the contributions agreed now.
 * Proposed, discussed and dropped contributions are never printed.
 */
export type AgreementDocumentData = {
  agreementId: string;
  county: string;
  /** "Partnerskapsavtale mellom Viken fylkeskommune og …", in the region's written standard. */
  title: string;
  cycleName: string;
  region: { id: string; name: string; writtenStandard: 'nb' | 'nn' };
  periodFrom: string;
  periodTo: string;
  /** The region's member municipalities on the agreement's start date, by name. */
  members: { name: string; outsideCounty: boolean }[];
  /** The pinned version: its nynorsk text when the region writes nynorsk and the version has one. */
  generalPart: { number: number; state: string; approvedOn: string | null; sections: DocumentSection[] };
  specialPart: { number: number; state: string; agreedAt: string | null; sections: DocumentSection[] } | null;
  /** The contributions printed, by subject area in the cycle's order (empty areas are not listed). */
  subjectAreas: GeneratedSubjectArea[];
};

/** A section; `generated` marks the special part's contributions section, printed from `subjectAreas`. */
export type DocumentSection = { key: string; title: string; body: RichTextDoc; generated: boolean };

/** Reads one agreement for its document; 404 when there is no such agreement. */
export async function loadAgreementDocumentData(
  db: Db | Tx,
  agreementId: string,
): Promise<AgreementDocumentData> {
  const [row] = await db
    .select({
      agreement: {
        id: agreements.id,
        periodFrom: agreements.periodFrom,
        periodTo: agreements.periodTo,
        generalPartVersionId: agreements.generalPartVersionId,
      },
      cycleName: cycles.name,
      region: { id: regions.id, name: regions.name, writtenStandard: regions.writtenStandard },
      general: {
        number: generalPartVersions.number,
        state: generalPartVersions.state,
        approvedOn: generalPartVersions.approvedOn,
      },
    })
    .from(agreements)
    .innerJoin(cycles, eq(cycles.id, agreements.cycleId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, agreements.generalPartVersionId))
    .where(eq(agreements.id, agreementId));
  if (!row) throw notFound();
  const { agreement } = row;
  const writtenStandard = row.region.writtenStandard === 'nn' ? 'nn' : 'nb';

  const parties = await partiesOf(db, row.region.id, agreement.periodFrom);
  // A nynorsk region's agreement takes the pinned version's nynorsk text when the coordinator has entered it.
  const general = await generalPartText(db, agreement.generalPartVersionId, writtenStandard);
  const special = await loadSpecialPartForDocument(db, agreement.id);
  const contributions = special?.contributions ?? (await generateContributionsContent(db, agreement.id));

  return {
    agreementId: agreement.id,
    county: parties.county.name,
    title: agreementTitle(row.region.name, parties.county.name, writtenStandard),
    cycleName: row.cycleName,
    region: { ...row.region, writtenStandard },
    periodFrom: agreement.periodFrom,
    periodTo: agreement.periodTo,
    members: parties.municipalities.map((m) => ({ name: m.name, outsideCounty: m.outsideCounty })),
    generalPart: {
      ...row.general,
      sections: general.sections.map((s) => ({ ...s, generated: false })),
    },
    specialPart: special
      ? {
          number: special.number,
          state: special.state,
          agreedAt: special.agreedAt,
          sections: special.sections.map((s) => ({
            key: s.key,
            title: s.title,
            body: s.body,
            generated: s.generated,
          })),
        }
      : null,
    subjectAreas: contributions.subjectAreas.filter((a) => a.contributions.length > 0),
  };
}
