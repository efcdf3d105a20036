import type { OpenDataCatalogue, PublicAgreement } from '../../shared/contracts/public.js';
import { csvField, neutralizeFormula } from '../contribution-export/export-contributions.js';
import type { StoredFile } from '../platform/files.js';

type Field = { name: string; description: string };
type Dataset = {
  name: 'agreements' | 'parties' | 'adoptions';
  description: string;
  fields: Field[];
  rows: (agreements: readonly PublicAgreement[]) => Record<string, string | number | null>[];
};

/**
 * The open data: the agreements in force, their parties and their adoption records, each as CSV (semicolon,
 * UTF-8 with a byte order mark, as Norwegian spreadsheets read it) and JSON, with a short description of
 * each field. The same facts as the public pages, nothing more.
 */
export const datasets: Dataset[] = [
  {
    name: 'agreements',
    description: 'Partnerskapsavtalene som er i kraft: én rad per avtale.',
    fields: [
      { name: 'agreement_id', description: 'Avtalens faste id i Partnerskap.' },
      { name: 'region', description: 'Regionen (regionrådet) avtalen er inngått med.' },
      { name: 'cycle', description: 'Avtaleperioden avtalen hører til.' },
      { name: 'period_from', description: 'Første dag avtalen gjelder (ÅÅÅÅ-MM-DD).' },
      { name: 'period_to', description: 'Siste dag avtalen gjelder (ÅÅÅÅ-MM-DD).' },
      {
        name: 'general_part_version',
        description: 'Versjonsnummeret til den generelle delen avtalen bygger på.',
      },
      { name: 'special_part_version', description: 'Versjonsnummeret til den avtalte spesielle delen.' },
    ],
    rows: (list) =>
      list.map((a) => ({
        agreement_id: a.id,
        region: a.regionName,
        cycle: a.cycleName,
        period_from: a.periodFrom,
        period_to: a.periodTo,
        general_part_version: a.generalPartVersion,
        special_part_version: a.specialPartVersion,
      })),
  },
  {
    name: 'parties',
    description:
      'Avtalepartene: fylkeskommunen og hver medlemskommune på avtalens startdato, én rad per part.',
    fields: [
      { name: 'agreement_id', description: 'Avtalens id (som i agreements).' },
      { name: 'region', description: 'Regionen avtalen er inngått med.' },
      { name: 'party', description: 'Partens navn.' },
      { name: 'kind', description: 'county for fylkeskommunen, municipality for en medlemskommune.' },
    ],
    rows: (list) =>
      list.flatMap((a) => [
        { agreement_id: a.id, region: a.regionName, party: a.county, kind: 'county' },
        ...a.parties.map((p) => ({
          agreement_id: a.id,
          region: a.regionName,
          party: p,
          kind: 'municipality',
        })),
      ]),
  },
  {
    name: 'adoptions',
    description: 'Kommunestyrenes vedtak av avtalene: én rad per avtale og medlemskommune.',
    fields: [
      { name: 'agreement_id', description: 'Avtalens id (som i agreements).' },
      { name: 'municipality_number', description: 'Kommunenummeret (SSB).' },
      { name: 'municipality', description: 'Kommunens navn.' },
      { name: 'decided_on', description: 'Datoen kommunestyret vedtok avtalen (ÅÅÅÅ-MM-DD).' },
      { name: 'case_reference', description: 'Kommunens saksnummer for vedtaket.' },
      {
        name: 'record_url',
        description: 'Lenke til den publiserte protokollen (eInnsyn eller kommunens egen).',
      },
      {
        name: 'outcome',
        description:
          'adopted (vedtatt), adopted_with_changes (vedtatt med endring, og endringen er tatt inn i en ny versjon).',
      },
    ],
    rows: (list) =>
      list.flatMap((a) =>
        a.adoption.map((d) => ({
          agreement_id: a.id,
          municipality_number: d.municipalityNumber,
          municipality: d.municipalityName,
          decided_on: d.decidedOn,
          case_reference: d.caseReference,
          record_url: d.recordUrl,
          outcome: d.outcome,
        })),
      ),
  },
];

export function openDataCatalogue(base: string): OpenDataCatalogue {
  return {
    datasets: datasets.map((d) => ({
      name: d.name,
      description: d.description,
      csv: `${base}/api/v1/public/data/${d.name}.csv`,
      json: `${base}/api/v1/public/data/${d.name}.json`,
      fields: d.fields,
    })),
  };
}

export function openDataFile(
  name: Dataset['name'],
  format: 'csv' | 'json',
  list: readonly PublicAgreement[],
): StoredFile {
  const dataset = datasets.find((d) => d.name === name) as Dataset;
  const rows = dataset.rows(list);
  if (format === 'json') {
    return {
      filename: `${name}.json`,
      mediaType: 'application/json; charset=utf-8',
      content: Buffer.from(JSON.stringify({ fields: dataset.fields, rows })),
    };
  }
  const header = dataset.fields.map((f) => f.name);
  const lines = [header.join(';')];
  for (const row of rows) {
    lines.push(
      header
        .map((key) => {
          const value = row[key];
          if (value === null || value === undefined) return '';
          return typeof value === 'number' ? String(value) : csvField(neutralizeFormula(value));
        })
        .join(';'),
    );
  }
  return {
    filename: `${name}.csv`,
    mediaType: 'text/csv; charset=utf-8',
    content: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
  };
}
