import { describe, expect, it } from 'vitest';
import type { RichTextBlock, RichTextDoc } from '../../shared/contracts/rich-text.js';
import { type ComparedSection, compareVersions } from './compare-versions.js';

const para = (text: string): RichTextBlock => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: RichTextBlock[]): RichTextDoc => ({ type: 'doc', content });
const bullets = (...items: string[]): RichTextBlock => ({
  type: 'bulletList',
  content: items.map((t) => ({ type: 'listItem', content: [para(t)] })),
});
const table = (...rows: string[][]): RichTextBlock => ({
  type: 'table',
  content: rows.map((cells) => ({
    type: 'tableRow',
    content: cells.map((t) => ({ type: 'tableCell', content: [para(t)] })),
  })),
});

const section = (key: string, position: number, body: RichTextDoc, title = key): ComparedSection => ({
  key,
  title,
  body,
  position,
});

const base = [
  section('parties', 0, doc(para('Viken fylkeskommune og regionrådet.'))),
  section('period', 1, doc(para('Avtalen gjelder 2021–2024.'))),
  section('purpose', 2, doc(para('Styrke samarbeidet.'), bullets('Samferdsel', 'Kompetanse'))),
];

const summary = (result: ReturnType<typeof compareVersions>) => result.map((s) => [s.key, s.status, s.moved]);

describe('compareVersions', () => {
  it('calls sections that are alike unchanged, with their text as equal blocks', () => {
    const result = compareVersions(base, base);
    expect(summary(result)).toEqual([
      ['parties', 'unchanged', false],
      ['period', 'unchanged', false],
      ['purpose', 'unchanged', false],
    ]);
    expect(result[2]?.blocks).toEqual([
      { type: 'paragraph', status: 'equal', ops: [{ op: 'equal', text: 'Styrke samarbeidet.' }] },
      {
        type: 'listItem',
        status: 'equal',
        marker: '•',
        depth: 0,
        ops: [{ op: 'equal', text: 'Samferdsel' }],
      },
      {
        type: 'listItem',
        status: 'equal',
        marker: '•',
        depth: 0,
        ops: [{ op: 'equal', text: 'Kompetanse' }],
      },
    ]);
  });

  it('shows an added section with all its text inserted, in its place', () => {
    const to = [base[0], section('climate', 1, doc(para('Klima.'))), ...base.slice(1)].flatMap((s, i) =>
      s ? [{ ...s, position: i }] : [],
    );
    const result = compareVersions(base, to);
    expect(summary(result)).toEqual([
      ['parties', 'unchanged', false],
      ['climate', 'added', false],
      ['period', 'unchanged', false],
      ['purpose', 'unchanged', false],
    ]);
    expect(result[1]).toMatchObject({
      fromPosition: null,
      toPosition: 1,
      toTitle: 'climate',
      blocks: [{ status: 'insert', ops: [{ op: 'insert', text: 'Klima.' }] }],
    });
  });

  it('shows a removed section with its text deleted, where it stood', () => {
    const to = [base[0], base[2]].flatMap((s, i) => (s ? [{ ...s, position: i }] : []));
    const result = compareVersions(base, to);
    expect(summary(result)).toEqual([
      ['parties', 'unchanged', false],
      ['period', 'removed', false],
      ['purpose', 'unchanged', false],
    ]);
    expect(result[1]).toMatchObject({
      fromPosition: 1,
      toPosition: null,
      fromTitle: 'period',
      blocks: [{ status: 'delete', ops: [{ op: 'delete', text: 'Avtalen gjelder 2021–2024.' }] }],
    });
  });

  it('calls only the section that changed place moved, not every section after it', () => {
    const to = [base[2], base[0], base[1]].flatMap((s, i) => (s ? [{ ...s, position: i }] : []));
    expect(summary(compareVersions(base, to))).toEqual([
      ['purpose', 'moved', true],
      ['parties', 'unchanged', false],
      ['period', 'unchanged', false],
    ]);
  });

  it('shows a renamed section as changed, with both titles and an unchanged body', () => {
    const to = base.map((s) => (s.key === 'period' ? { ...s, title: 'Varighet' } : s));
    const result = compareVersions(base, to);
    expect(result[1]).toMatchObject({
      key: 'period',
      status: 'changed',
      fromTitle: 'period',
      toTitle: 'Varighet',
      titleChanged: true,
      bodyChanged: false,
      blocks: [{ status: 'equal' }],
    });
  });

  it('marks the one word changed in a list item, and leaves the other items equal', () => {
    const to = base.map((s) =>
      s.key === 'purpose'
        ? { ...s, body: doc(para('Styrke samarbeidet.'), bullets('Samferdsel', 'Næringsutvikling')) }
        : s,
    );
    const purpose = compareVersions(base, to)[2];
    expect(purpose).toMatchObject({ status: 'changed', bodyChanged: true, titleChanged: false });
    expect(purpose?.blocks.map((b) => b.status)).toEqual(['equal', 'equal', 'changed']);
    expect(purpose?.blocks[2]).toEqual({
      type: 'listItem',
      status: 'changed',
      marker: '•',
      depth: 0,
      ops: [
        { op: 'delete', text: 'Kompetanse' },
        { op: 'insert', text: 'Næringsutvikling' },
      ],
    });
  });

  it('marks a changed word inside a longer sentence and keeps the rest equal', () => {
    const from = [section('purpose', 0, doc(para('Partene skal samarbeide om gode tiltak.')))];
    const to = [section('purpose', 0, doc(para('Partene skal samarbeide om konkrete tiltak.')))];
    expect(compareVersions(from, to)[0]?.blocks[0]?.ops).toEqual([
      { op: 'equal', text: 'Partene skal samarbeide om ' },
      { op: 'delete', text: 'gode' },
      { op: 'insert', text: 'konkrete' },
      { op: 'equal', text: ' tiltak.' },
    ]);
  });

  it('marks a changed table cell and leaves the other cells equal', () => {
    const from = [section('parties', 0, doc(table(['Part', 'Rolle'], ['Viken', 'Fylkeskommune'])))];
    const to = [section('parties', 0, doc(table(['Part', 'Rolle'], ['Viken', 'Regional planmyndighet'])))];
    const blocks = compareVersions(from, to)[0]?.blocks ?? [];
    expect(blocks.map((b) => [b.type, b.status])).toEqual([
      ['tableCell', 'equal'],
      ['tableCell', 'equal'],
      ['tableCell', 'equal'],
      ['tableCell', 'changed'],
    ]);
    expect(blocks[3]?.ops).toEqual([
      { op: 'delete', text: 'Fylkeskommune' },
      { op: 'insert', text: 'Regional planmyndighet' },
    ]);
  });

  it('shows an inserted and a deleted paragraph as whole blocks', () => {
    const from = [section('purpose', 0, doc(para('En.'), para('To.'), para('Tre.')))];
    const to = [section('purpose', 0, doc(para('En.'), para('Tre.'), para('Fire.')))];
    expect(compareVersions(from, to)[0]?.blocks.map((b) => [b.status, b.ops])).toEqual([
      ['equal', [{ op: 'equal', text: 'En.' }]],
      ['delete', [{ op: 'delete', text: 'To.' }]],
      ['equal', [{ op: 'equal', text: 'Tre.' }]],
      ['insert', [{ op: 'insert', text: 'Fire.' }]],
    ]);
  });

  it('calls a change of formatting alone a changed body without marking words', () => {
    const bold: RichTextDoc = doc({
      type: 'paragraph',
      content: [{ type: 'text', text: 'Avtalen gjelder 2021–2024.', marks: [{ type: 'bold' }] }],
    });
    const to = base.map((s) => (s.key === 'period' ? { ...s, body: bold } : s));
    expect(compareVersions(base, to)[1]).toMatchObject({
      status: 'changed',
      bodyChanged: true,
      blocks: [{ status: 'equal' }],
    });
  });

  it('compares fifty pages with a few changes without diffing the whole document at once', () => {
    const pages = (edit: (i: number) => string) =>
      Array.from({ length: 10 }, (_, s) =>
        section(
          `s${s}`,
          s,
          doc(
            ...Array.from({ length: 60 }, (_, i) =>
              para(`${edit(s * 60 + i)} ${'tekst om samarbeid '.repeat(12)}`),
            ),
          ),
        ),
      );
    const from = pages((i) => `Avsnitt ${i}`);
    const to = pages((i) => (i % 97 === 0 ? `Endret avsnitt ${i}` : `Avsnitt ${i}`));
    const result = compareVersions(from, to);
    const changed = result.flatMap((s) => s.blocks.filter((b) => b.status === 'changed'));
    expect(changed).toHaveLength(7);
    const first = changed[0]?.ops ?? [];
    const side = (skip: string) =>
      first
        .filter((o) => o.op !== skip)
        .map((o) => o.text)
        .join('');
    expect(side('insert')).toBe(`Avsnitt 0 ${'tekst om samarbeid '.repeat(12)}`);
    expect(side('delete')).toBe(`Endret avsnitt 0 ${'tekst om samarbeid '.repeat(12)}`);
    // Word level: the unchanged words of the paragraph stay equal.
    expect(first.some((o) => o.op === 'equal' && o.text.includes('tekst om samarbeid'))).toBe(true);
  });
});
