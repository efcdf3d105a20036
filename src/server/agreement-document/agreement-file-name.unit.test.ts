import { describe, expect, it } from 'vitest';
import type { AgreementDocumentData } from './agreement-document-data.js';
import { agreementDocument, agreementFileName } from './agreement-document-model.js';

const base: AgreementDocumentData = {
  agreementId: 'a',
  county: 'Viken fylkeskommune',
  title: 'Partnerskapsavtale mellom Viken fylkeskommune og Regionrådet for Hallingdal',
  cycleName: 'Partnerskapsavtaler 2021–2024',
  region: { id: 'r', name: 'Regionrådet for Hallingdal', writtenStandard: 'nb' },
  periodFrom: '2021-01-01',
  periodTo: '2024-12-31',
  members: [{ name: 'Gol', outsideCounty: false }],
  generalPart: { number: 2, state: 'approved', approvedOn: '2020-10-22', sections: [] },
  specialPart: null,
  subjectAreas: [],
};

const withSpecial = (state: string, writtenStandard: 'nb' | 'nn' = 'nb'): AgreementDocumentData => ({
  ...base,
  region: { ...base.region, writtenStandard },
  specialPart: {
    number: 3,
    state,
    agreedAt: state === 'agreed' ? '2021-11-18T10:00:00Z' : null,
    sections: [],
  },
});

describe("an agreement document's file name", () => {
  it('names the region, the cycle, the versions and, unless agreed, the state', () => {
    expect(agreementFileName(withSpecial('agreed'))).toBe(
      'Partnerskapsavtale-Hallingdal-2021-2024-generell-v2-spesiell-v3',
    );
    expect(agreementFileName(withSpecial('draft'))).toBe(
      'Partnerskapsavtale-Hallingdal-2021-2024-generell-v2-spesiell-v3-utkast',
    );
    expect(agreementFileName(withSpecial('sent'))).toBe(
      'Partnerskapsavtale-Hallingdal-2021-2024-generell-v2-spesiell-v3-sendt-til-avtale',
    );
    expect(agreementFileName(base)).toBe('Partnerskapsavtale-Hallingdal-2021-2024-generell-v2-utkast');
  });

  it('is in the region’s written standard', () => {
    expect(agreementFileName(withSpecial('sent', 'nn'))).toBe(
      'Partnerskapsavtale-Hallingdal-2021-2024-generell-v2-særskild-v3-send-til-avtale',
    );
  });
});

describe("an agreement document's state", () => {
  it('is said the same way on the title page and in the footer', () => {
    for (const [state, words] of [
      ['draft', 'utkast'],
      ['sent', 'sendt til avtale'],
    ] as const) {
      const model = agreementDocument(withSpecial(state));
      const facts = model.titlePage?.facts.map((f) => f.value).join(' ') ?? '';
      expect(facts).toContain(words);
      expect(model.version).toContain(`(${words})`);
    }
    const agreed = agreementDocument(withSpecial('agreed'));
    expect(agreed.version).not.toMatch(/utkast|sendt/);
  });
});
