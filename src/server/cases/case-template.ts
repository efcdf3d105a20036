import type { MeetingType } from '../../shared/contracts/meetings.js';
import type { RichTextBlock, RichTextDoc } from '../../shared/contracts/rich-text.js';
import { norwegianDate } from '../hearing-summary/summary-document.js';
import type { AgreementFacts, BatchFacts } from './batch-facts.js';

/** What the template writes into a new case: every part, editable afterwards. */
export type CaseDraft = {
  title: string;
  decisionPoints: string[];
  background: RichTextDoc;
  facts: RichTextDoc;
  alternatives: RichTextDoc;
  assessment: RichTextDoc;
  consequences: RichTextDoc;
  authority: string;
};

const paragraph = (text: string): RichTextBlock => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (text: string): RichTextBlock => ({
  type: 'heading',
  attrs: { level: 3 },
  content: [{ type: 'text', text }],
});
const bullets = (items: readonly string[]): RichTextBlock => ({
  type: 'bulletList',
  content: items.map((text) => ({ type: 'listItem', content: [paragraph(text)] })),
});
const doc = (...blocks: RichTextBlock[]): RichTextDoc => ({ type: 'doc', content: blocks });

/** "A, B og C", as Norwegian lists names. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

const meetingWords: Record<MeetingType, string> = {
  kickoff: 'oppstartsmøte',
  internal_summary: 'oppsummeringsmøte',
  collaboration: 'samhandlingsmøte',
  bilateral: 'bilateralt møte',
  final: 'fellesmøte',
  follow_up: 'oppfølgingsmøte',
  other: 'møte',
};

const period = (a: AgreementFacts) => `${norwegianDate(a.periodFrom)}–${norwegianDate(a.periodTo)}`;

/** One region's process as the meetings and the special part record it. */
function processLine(a: AgreementFacts): string {
  const held = a.meetingsHeld.map((m) => `${meetingWords[m.type]} ${norwegianDate(m.date)}`);
  const meetings = held.length > 0 ? `Møter holdt: ${held.join(', ')}.` : 'Ingen møter er registrert.';
  const special = a.specialPart
    ? `Spesiell del versjon ${a.specialPart.number} ble avtalt ${norwegianDate(a.specialPart.agreedOn)}.`
    : 'Spesiell del er ikke avtalt.';
  return `${a.regionName}: ${meetings} ${special}`;
}

/**
 * The case document for a batch of agreements, written from the live process in bokmål, the language of
 * the county's case documents: the proposed decision names the regions, the period and the way on to the
 * municipal councils and the county council; the facts give the general part's version and hearings, and
 * per region its parties, period and process. The coordinator edits every part afterwards.
 */
export function caseDraft(facts: BatchFacts): CaseDraft {
  const names = facts.agreements.map((a) => a.regionName);
  const regionsText = joinNames(names);
  const periods = [...new Set(facts.agreements.map(period))];
  const generalVersions = [
    ...new Map(facts.agreements.map((a) => [a.generalPart.id, a.generalPart])).values(),
  ];
  const plural = facts.agreements.length > 1;

  const decisionPoints = [
    `Fylkesrådet godkjenner ${plural ? 'partnerskapsavtalene' : 'partnerskapsavtalen'} med ${regionsText}, generell og spesiell del, slik ${plural ? 'de' : 'den'} fremkommer i vedleggene.`,
    ...(periods.length === 1
      ? [`${plural ? 'Avtalene' : 'Avtalen'} gjelder for perioden ${periods[0]}.`]
      : []),
    `${plural ? 'Avtalene' : 'Avtalen'} oversendes kommunestyrene i medlemskommunene for vedtak.`,
    `${plural ? 'Avtalene' : 'Avtalen'} legges fram for fylkestinget til orientering.`,
  ];

  const general = generalVersions.map((v) =>
    v.approvedOn
      ? `Generell del versjon ${v.number} ble godkjent ${norwegianDate(v.approvedOn)}${v.caseNumber ? ` (sak ${v.caseNumber})` : ''}.`
      : `Generell del versjon ${v.number} er ikke godkjent ennå.`,
  );
  const hearingLines = facts.hearings.map(
    (h) =>
      `${h.kind === 'formal' ? 'Formell' : 'Uformell'} høring av versjon ${h.versionNumber} med frist ${norwegianDate(h.deadline)}: ${h.inputs} innspill fra ${h.regionsAnswered} ${h.regionsAnswered === 1 ? 'region' : 'regioner'}.`,
  );
  const changed = generalVersions.some((v) => facts.hearings.some((h) => h.versionNumber < v.number))
    ? 'Innspillene fra høringen er behandlet, og generell del er endret i den godkjente versjonen.'
    : 'Generell del er godkjent slik den var på høring.';

  const regionFacts = facts.agreements.flatMap((a) => [
    heading(a.regionName),
    bullets([
      `Avtaleparter: ${facts.countyName} og ${a.parties.length > 0 ? joinNames(a.parties) : 'ingen medlemskommuner registrert'}.`,
      `Avtaleperiode: ${period(a)}.`,
      processLine(a),
    ]),
  ]);

  return {
    title: `Partnerskapsavtale${plural ? 'r' : ''} med ${regionsText}`,
    decisionPoints,
    background: doc(
      paragraph(
        'Partnerskapsavtalene med kommuneregionene består av en generell del, som er lik for alle regionene, og en spesiell del som er skreddersydd for den enkelte region.',
      ),
      paragraph(
        `Regionene blir klare til ulik tid, og avtalene legges derfor fram i flere omganger. Denne saken gjelder ${regionsText}.`,
      ),
    ),
    facts: doc(
      heading('Generell del'),
      ...general.map(paragraph),
      ...(hearingLines.length > 0 ? [bullets(hearingLines), paragraph(changed)] : []),
      heading('Spesiell del og prosess per region'),
      ...regionFacts,
    ),
    alternatives: doc(
      paragraph(
        `Fylkesrådet kan godkjenne ${plural ? 'avtalene' : 'avtalen'}, eller sende ${plural ? 'dem' : 'den'} tilbake til videre dialog med ${plural ? 'regionene' : 'regionen'}. Regioner som ikke er klare, behandles i senere saker.`,
      ),
    ),
    assessment: doc(
      paragraph(
        `${plural ? 'Avtalene' : 'Avtalen'} er utarbeidet i dialog mellom fylkeskommunens rådsområder og ${plural ? 'regionene' : 'regionen'} gjennom samhandlingsmøter, bilaterale møter og et fellesmøte. Begge parter forplikter seg, og rådsområdene eier sin del av ${plural ? 'avtalene' : 'avtalen'}.`,
      ),
    ),
    consequences: doc(
      paragraph(
        'Tiltak i spesiell del som krever midler ut over vedtatte budsjetter, avgjøres i egne vedtak. Avtalene må følges opp gjennom avtaleperioden.',
      ),
    ),
    authority: 'Reglement for delegering og innstilling, punkt 3.5.2, c',
  };
}
