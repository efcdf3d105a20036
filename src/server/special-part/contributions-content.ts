import { and, asc, eq } from 'drizzle-orm';
import type { RichTextBlock, RichTextDoc, RichTextInline } from '../../shared/contracts/rich-text.js';
import type {
  ContributionKind,
  ContributionsContent,
  GeneratedContribution,
  GeneratedSubjectArea,
  WrittenStandard,
} from '../../shared/contracts/special-part.js';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { departments, regions } from '../registry/registry.table.js';

/**
 * The fixed words of the generated contributions section, in the region's written standard (the special
 * part is the region's document, whoever reads it).
 */
const words: Record<
  WrittenStandard,
  {
    kinds: Record<ContributionKind, string>;
    kind: string;
    owner: string;
    responsible: string;
    budget: string;
    perYear: string;
    timeFrame: string;
    indicator: string;
    baseline: string;
    target: string;
    none: string;
  }
> = {
  nb: {
    kinds: { measure: 'Tiltak', project: 'Prosjekt', instrument: 'Virkemiddel', commitment: 'Forpliktelse' },
    kind: 'Type',
    owner: 'Eier',
    responsible: 'Ansvarlig',
    budget: 'Budsjett',
    perYear: 'kr per år',
    timeFrame: 'Tidsramme',
    indicator: 'Indikator',
    baseline: 'utgangspunkt',
    target: 'mål',
    none: 'Ingen bidrag er avtalt ennå.',
  },
  nn: {
    kinds: { measure: 'Tiltak', project: 'Prosjekt', instrument: 'Verkemiddel', commitment: 'Forplikting' },
    kind: 'Type',
    owner: 'Eigar',
    responsible: 'Ansvarleg',
    budget: 'Budsjett',
    perYear: 'kr per år',
    timeFrame: 'Tidsramme',
    indicator: 'Indikator',
    baseline: 'utgangspunkt',
    target: 'mål',
    none: 'Ingen bidrag er avtalte enno.',
  },
};

/** The region's written standard for an agreement, or null if there is no such agreement. */
export async function writtenStandardOf(db: Db | Tx, agreementId: string): Promise<WrittenStandard | null> {
  const [row] = await db
    .select({ writtenStandard: regions.writtenStandard })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.id, agreementId));
  if (!row) return null;
  // The CHECK constraint holds the column to the two standards.
  return row.writtenStandard as WrittenStandard;
}

/**
 * The contributions section as it stands now: the agreement's AGREED contributions grouped by subject area
 * (the cycle's subject area order, then each contribution's position), and the text written from them.
 * Sending a version stores exactly this as its snapshot. `at` dates it (now unless given, e.g. by the demo).
 */
export async function generateContributionsContent(
  db: Db | Tx,
  agreementId: string,
  options: { at?: Date } = {},
): Promise<ContributionsContent> {
  const [agreement] = await db
    .select({ regionId: regions.id, regionName: regions.name, writtenStandard: regions.writtenStandard })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.id, agreementId));
  if (!agreement) throw new Error(`no agreement ${agreementId}`);
  const writtenStandard = agreement.writtenStandard as WrittenStandard;

  const rows = await db
    .select({
      item: contributions,
      subjectAreaName: subjectAreas.name,
      departmentName: departments.name,
    })
    .from(contributions)
    .innerJoin(subjectAreas, eq(subjectAreas.id, contributions.subjectAreaId))
    .leftJoin(departments, eq(departments.id, contributions.ownerDepartmentId))
    .where(and(eq(contributions.agreementId, agreementId), eq(contributions.status, 'agreed')))
    .orderBy(
      asc(subjectAreas.position),
      asc(subjectAreas.name),
      asc(subjectAreas.id),
      asc(contributions.position),
      asc(contributions.createdAt),
      asc(contributions.id),
    );

  const groups: GeneratedSubjectArea[] = [];
  for (const { item, subjectAreaName, departmentName } of rows) {
    let group = groups.at(-1);
    if (group?.id !== item.subjectAreaId) {
      group = { id: item.subjectAreaId, name: subjectAreaName, contributions: [] };
      groups.push(group);
    }
    group.contributions.push({
      id: item.id,
      title: item.title,
      description: item.description,
      // The CHECK constraint holds the column to the four kinds.
      kind: item.kind as ContributionKind,
      owner: item.ownerDepartmentId
        ? { type: 'department', id: item.ownerDepartmentId, name: departmentName ?? '' }
        : { type: 'region', id: agreement.regionId, name: agreement.regionName },
      responsible: item.responsible,
      budgetNokPerYear: item.budgetNokPerYear,
      timeFrame: item.timeFrame,
      indicators: item.indicators.map((i) => ({
        name: i.name,
        baseline: i.baseline ?? null,
        target: i.target ?? null,
        unit: i.unit ?? null,
      })),
    });
  }
  return {
    writtenStandard,
    generatedAt: (options.at ?? new Date()).toISOString(),
    subjectAreas: groups,
    body: contributionsBody(groups, writtenStandard),
  };
}

/** Whole kroner with a space between thousands ("1 500 000"), the same in every renderer's font. */
export function formatKroner(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

const text = (value: string, bold = false): RichTextInline =>
  bold ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : { type: 'text', text: value };

const paragraph = (...content: RichTextInline[]): RichTextBlock => ({ type: 'paragraph', content });

const labelled = (label: string, value: string) => ({
  type: 'listItem' as const,
  content: [paragraph(text(`${label}: `, true), text(value))],
});

/**
 * The section's text: a heading per subject area, then each contribution's title, its description and a
 * list of its owner, kind, responsible person, budget, time frame and indicators. Nothing in it is typed by
 * a person except the contributions' own fields, which are plain text.
 */
export function contributionsBody(
  groups: readonly GeneratedSubjectArea[],
  standard: WrittenStandard,
): RichTextDoc {
  const w = words[standard];
  if (groups.length === 0) return { type: 'doc', content: [paragraph(text(w.none))] };
  const content: RichTextBlock[] = [];
  for (const group of groups) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [text(group.name)] });
    for (const item of group.contributions) content.push(...contributionBlocks(item, w));
  }
  return { type: 'doc', content };
}

function contributionBlocks(
  item: GeneratedContribution,
  w: (typeof words)[WrittenStandard],
): RichTextBlock[] {
  const blocks: RichTextBlock[] = [{ type: 'heading', attrs: { level: 3 }, content: [text(item.title)] }];
  for (const line of item.description.split(/\n+/).map((l) => l.trim())) {
    if (line) blocks.push(paragraph(text(line)));
  }
  const facts = [labelled(w.owner, item.owner.name), labelled(w.kind, w.kinds[item.kind])];
  if (item.responsible) facts.push(labelled(w.responsible, item.responsible));
  if (item.budgetNokPerYear !== null) {
    facts.push(labelled(w.budget, `${formatKroner(item.budgetNokPerYear)} ${w.perYear}`));
  }
  if (item.timeFrame) facts.push(labelled(w.timeFrame, item.timeFrame));
  for (const indicator of item.indicators) facts.push(labelled(w.indicator, indicatorText(indicator, w)));
  blocks.push({ type: 'bulletList', content: facts });
  return blocks;
}

function indicatorText(
  indicator: GeneratedContribution['indicators'][number],
  w: (typeof words)[WrittenStandard],
): string {
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const measures = [
    indicator.baseline ? `${w.baseline} ${indicator.baseline}${unit}` : null,
    indicator.target ? `${w.target} ${indicator.target}${unit}` : null,
  ].filter((m): m is string => m !== null);
  return measures.length > 0 ? `${indicator.name} (${measures.join(', ')})` : indicator.name;
}
