import {
  type RichTextBlock,
  type RichTextDoc,
  RichTextDoc as RichTextDocSchema,
  richTextMaxBytes,
  toBlocks,
} from '../src/shared/contracts/rich-text.js';

/**
 * Two versions of a general part of about 50 pages each, for the benchmark's compare: version 1 as sent on
 * hearing, and version 2 as the county revised it after the input. The text is made from a fixed seed, so
 * every run compares the same documents, and it is shaped like the real one: headings, paragraphs of a few
 * sentences, bullet lists and a table per section. Version 2 rewords about one paragraph in twelve, adds
 * and removes a few, adds a section, removes one, moves one and renames one.
 */

export type BenchSection = { key: string; title: string; body: RichTextDoc };

/** About 450 words make a printed page of the general part (A4, headings and lists included). */
export const wordsPerPage = 450;
export const pagesPerVersion = 50;

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words =
  `fylkeskommunen kommuneregionen regionrådet kommunene partnerskapet avtalen samarbeidet tiltakene
  næringsutvikling samferdsel kollektivtilbudet kompetanse utdanning folkehelse klimatilpasning arealplanlegging
  kulturliv frivilligheten innbyggerne virksomhetene arbeidslivet bosetting stedsutvikling sentrumsutvikling
  handlingsprogrammet økonomiske midler felles prioriteringer langsiktige strategiske regionale lokale gode
  bærekraftige tydelige forpliktende årlige helhetlige skal kan bør vil gjennomføre videreutvikle styrke
  følge opp prioritere finansiere rapportere samordne forankre evaluere beskrive avklare legge til rette
  for med om i på av til fra mellom innenfor gjennom etter hvert år innen slik at og eller men både ved
  partene deltakerne administrasjonen fylkesrådet kommunestyrene kontaktpersonene arbeidsgruppene målene
  indikatorene resultatene erfaringene planene budsjettet rammene ressursene oppgavene ansvaret dialogen
  møtene rapporten vedtaket perioden framdriften utfordringene mulighetene behovene kunnskapen`
    .split(/\s+/)
    .filter((w) => w !== '');

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(rnd: () => number): string {
  const n = 8 + Math.floor(rnd() * 15);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(rnd, words) + (i > 3 && i < n - 2 && rnd() < 0.08 ? ',' : ''));
  return `${capital(out.join(' '))}.`;
}

function paragraphText(rnd: () => number): string {
  const n = 3 + Math.floor(rnd() * 4);
  return Array.from({ length: n }, () => sentence(rnd)).join(' ');
}

const text = (t: string) => [{ type: 'text' as const, text: t }];
const paragraph = (t: string): RichTextBlock => ({ type: 'paragraph', content: text(t) });
const heading = (t: string): RichTextBlock => ({ type: 'heading', attrs: { level: 3 }, content: text(t) });

function list(rnd: () => number): RichTextBlock {
  const n = 3 + Math.floor(rnd() * 4);
  return {
    type: 'bulletList',
    content: Array.from({ length: n }, () => ({
      type: 'listItem' as const,
      content: [paragraph(sentence(rnd))],
    })),
  };
}

function table(rnd: () => number): RichTextBlock {
  const cell = (type: 'tableCell' | 'tableHeader', t: string) => ({ type, content: [paragraph(t)] });
  const rows = 4 + Math.floor(rnd() * 4);
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: ['Tiltak', 'Ansvar', 'Frist'].map((h) => cell('tableHeader', h)) },
      ...Array.from({ length: rows }, (_, i) => ({
        type: 'tableRow' as const,
        content: [
          cell('tableCell', capital(`${pick(rnd, words)} ${pick(rnd, words)} ${pick(rnd, words)}`)),
          cell('tableCell', capital(pick(rnd, words))),
          cell('tableCell', `${2025 + (i % 4)}`),
        ],
      })),
    ],
  };
}

function wordCount(block: RichTextBlock): number {
  return toBlocks({ type: 'doc', content: [block] }).reduce(
    (n, b) => n + b.text.split(/\s+/).filter((w) => w !== '').length,
    0,
  );
}

/** A section body of about `targetWords` words: headings, paragraphs, lists and one table. */
function body(rnd: () => number, targetWords: number): RichTextBlock[] {
  const blocks: RichTextBlock[] = [paragraph(paragraphText(rnd))];
  let count = wordCount(blocks[0] as RichTextBlock);
  let sinceHeading = 1;
  let tabled = false;
  while (count < targetWords) {
    let next: RichTextBlock;
    if (sinceHeading >= 5 && rnd() < 0.4) {
      next = heading(capital(`${pick(rnd, words)} ${pick(rnd, words)} og ${pick(rnd, words)}`));
      sinceHeading = 0;
    } else if (!tabled && count > targetWords / 2) {
      next = table(rnd);
      tabled = true;
    } else if (rnd() < 0.15) next = list(rnd);
    else next = paragraph(paragraphText(rnd));
    sinceHeading++;
    count += wordCount(next);
    blocks.push(next);
  }
  return blocks;
}

/** Section keys and titles of version 1, with each section's share of the pages. */
const outline = [
  { key: 'parties', title: 'Avtalepartnere', share: 0.04 },
  { key: 'period', title: 'Avtaleperiode', share: 0.03 },
  { key: 'purpose', title: 'Formål', share: 0.08 },
  { key: 'anchoring', title: 'Forankring', share: 0.07 },
  { key: 'implementation', title: 'Gjennomføring', share: 0.14 },
  { key: 'priorities', title: 'Satsingsområder', share: 0.22 },
  { key: 'finance', title: 'Økonomi og finansiering', share: 0.12 },
  { key: 'follow-up', title: 'Oppfølging og rapportering', share: 0.1 },
  { key: 'meetings', title: 'Partnerskapsmøter', share: 0.08 },
  { key: 'appendix', title: 'Vedlegg: mål og indikatorer', share: 0.12 },
] as const;

export const sectionKeysOfVersion1: readonly string[] = outline.map((s) => s.key);

/** Version 2 of one block: mostly the same, sometimes reworded (a few words changed, a sentence added). */
function revise(rnd: () => number, block: RichTextBlock): RichTextBlock[] {
  if (block.type !== 'paragraph') return [block];
  const r = rnd();
  if (r < 0.02) return []; // removed
  const original = block.content?.map((c) => (c.type === 'text' ? c.text : '\n')).join('') ?? '';
  if (r < 0.1) {
    const tokens = original.split(' ');
    const edits = 2 + Math.floor(rnd() * 4);
    for (let i = 0; i < edits; i++) tokens[Math.floor(rnd() * tokens.length)] = pick(rnd, words);
    return [paragraph(`${tokens.join(' ')} ${rnd() < 0.5 ? sentence(rnd) : ''}`.trim())];
  }
  if (r < 0.13) return [block, paragraph(paragraphText(rnd))]; // a paragraph added after it
  return [block];
}

function checked(section: BenchSection): BenchSection {
  const parsed = RichTextDocSchema.parse(section.body);
  const bytes = Buffer.byteLength(JSON.stringify(parsed));
  if (bytes > richTextMaxBytes) throw new Error(`section ${section.key} is ${bytes} bytes, over the limit`);
  return section;
}

/** Version 1 and version 2 of the general part, each about `pagesPerVersion` pages, sections in order. */
export function generalPartVersions(): { version1: BenchSection[]; version2: BenchSection[] } {
  const rnd = random(20_201_022);
  const totalWords = wordsPerPage * pagesPerVersion;
  const version1: BenchSection[] = outline.map((s) => ({
    key: s.key,
    title: s.title,
    body: { type: 'doc' as const, content: body(rnd, Math.round(totalWords * s.share)) },
  }));

  const revised = new Map<string, BenchSection>(
    version1.map((s) => [
      s.key,
      { ...s, body: { type: 'doc' as const, content: s.body.content.flatMap((b) => revise(rnd, b)) } },
    ]),
  );
  const get = (key: string): BenchSection => {
    const section = revised.get(key);
    if (!section) throw new Error(`no section ${key}`);
    return section;
  };
  const climate: BenchSection = {
    key: 'climate',
    title: 'Klima og omstilling',
    body: { type: 'doc', content: body(rnd, Math.round(totalWords * 0.1)) },
  };
  // Version 2: the appendix goes, a climate chapter comes after the priorities, follow-up moves before the
  // finances, and the meetings chapter gets a new title.
  const version2: BenchSection[] = [
    get('parties'),
    get('period'),
    get('purpose'),
    get('anchoring'),
    get('implementation'),
    get('priorities'),
    climate,
    get('follow-up'),
    get('finance'),
    { ...get('meetings'), title: 'Partnerskapsmøter og dialog' },
  ];
  return { version1: version1.map(checked), version2: version2.map(checked) };
}

/** Words in a version, for the benchmark's report of what it compared. */
export function pagesOf(sections: readonly BenchSection[]): number {
  const count = sections.reduce((n, s) => n + s.body.content.reduce((m, b) => m + wordCount(b), 0), 0);
  return count / wordsPerPage;
}
