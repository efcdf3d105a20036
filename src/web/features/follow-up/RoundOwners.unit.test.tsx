import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RoundOwner } from '../../../shared/contracts/follow-up';
import { resources } from '../../i18n/catalogue';
import { RoundOwners } from './RoundOwners';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources, lng: 'nb', fallbackLng: 'nb', interpolation: { escapeValue: false } });
});

/** A department's owner row and then `regions` regions' own commitments, as a national round has them. */
function owners(regions: number): RoundOwner[] {
  const department: RoundOwner = {
    owner: { type: 'department', department: { id: 'd1', name: 'Samferdsel' } },
    region: null,
    commitments: 40,
    submitted: 12,
  };
  return [
    department,
    ...Array.from({ length: regions }, (_, i) => ({
      owner: { type: 'region' as const },
      region: { id: `r${i}`, name: `Region ${String(i + 1).padStart(4, '0')}` },
      commitments: 3,
      submitted: i % 2 === 0 ? 3 : 1,
    })),
  ];
}

const render = (list: RoundOwner[]) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <RoundOwners owners={list} />
    </I18nextProvider>,
  );

const bodyRows = (html: string) => (html.split('<tbody')[1] ?? '').split('<tr').length - 1;

describe("a round's table of who has reported", () => {
  it('shows the first fifty owners of a national round, says how many of how many, and offers more', () => {
    const html = render(owners(1200));
    expect(bodyRows(html)).toBe(50);
    expect(html).toContain('Viser 50 av 1\u00a0201 eiere');
    expect(html).toContain('Vis flere');
    expect(html).toContain('Samferdsel');
    expect(html).toContain('Mangler 28 av 40');
    expect(html).toContain('Region 0049 (regionens egne)');
    expect(html).not.toContain('Region 0050 (regionens egne)');
  });

  it('shows a small round whole, without a count or a button', () => {
    const html = render(owners(8));
    expect(bodyRows(html)).toBe(9);
    expect(html).not.toContain('Viser');
    expect(html).not.toContain('Vis flere');
    expect(html).toContain('Alle 3 rapportert');
  });
});
