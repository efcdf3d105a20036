import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import type { RichTextDoc, Run } from '../../shared/contracts/rich-text.js';
import type { DocumentBlock, DocumentModel } from './document-model.js';
import { packDocx } from './docx-zip.js';
import { docxContentWidth, renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import {
  readDocx,
  readPdfFonts,
  readPdfInfo,
  readPdfPages,
  readPdfWords,
  squash,
  unzipText,
} from './testing/read-document.js';

const text = (value: string, marks?: ({ type: 'bold' } | { type: 'italic' })[]) => ({
  type: 'text' as const,
  text: value,
  ...(marks ? { marks } : {}),
});
const para = (value: string) => ({ type: 'paragraph' as const, content: [text(value)] });
const item = (...content: RichTextDoc['content']) => ({ type: 'listItem' as const, content });

const body: RichTextDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Mål for samarbeidet')] },
    {
      type: 'paragraph',
      content: [
        text('Regionrådet og fylkeskommunen skal ', [{ type: 'bold' }]),
        text('samarbeide tett', [{ type: 'italic' }]),
        { type: 'hardBreak' },
        text('om næringsutvikling. Les mer på '),
        {
          type: 'text',
          text: 'viken.no',
          marks: [{ type: 'link', attrs: { href: 'https://viken.no/avtaler' } }],
        },
      ],
    },
    {
      type: 'bulletList',
      content: [
        item(para('Samferdsel'), {
          type: 'bulletList',
          content: [item(para('Kollektivtrafikk på Østlandet'))],
        }),
        item(para('Kompetanse'), para('Også fagskole.')),
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [
        item(para('Tredje punkt'), { type: 'orderedList', content: [item(para('Underpunkt én'))] }),
        item(para('Fjerde punkt')),
      ],
    },
    { type: 'orderedList', content: [item(para('Ny liste, første'))] },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [para('Tiltak')] },
            { type: 'tableHeader', content: [para('Ansvar')] },
            { type: 'tableHeader', content: [para('År')] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', attrs: { rowspan: 2 }, content: [para('Etablerertjeneste')] },
            { type: 'tableCell', attrs: { colspan: 2 }, content: [para('Næring og regionråd')] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [para('Næringsavdelingen')] },
            { type: 'tableCell', content: [para('2026')] },
          ],
        },
      ],
    },
  ],
};

const model = (overrides: Partial<DocumentModel> = {}): DocumentModel => ({
  language: 'nb',
  county: 'Viken fylkeskommune',
  title: 'Partnerskapsavtale Indre Østfold',
  version: 'Versjon 3',
  titlePage: {
    title: 'Partnerskapsavtale',
    subtitle: 'Indre Østfold regionråd',
    facts: [
      { label: 'Avtaleperiode', value: '01.01.2025–31.12.2028' },
      { label: 'Parter', value: 'Viken fylkeskommune, Marker, Aremark, Rakkestad' },
    ],
  },
  body: [
    { type: 'heading', level: 1, text: '1 Formål' },
    { type: 'richText', doc: body },
    { type: 'paragraph', content: 'Første linje.\nAndre linje med ÆØÅ.' },
    {
      type: 'paragraph',
      content: [
        { text: 'Merk: ', bold: true },
        { text: 'kursiv', italic: true },
      ],
    },
    { type: 'note', text: 'Ingen innspill til denne delen.' },
    { type: 'list', ordered: false, items: ['Rakkestad kommune', 'Aremark kommune'] },
    { type: 'facts', items: [{ label: 'Innspill', value: '12' }] },
    {
      type: 'heading',
      level: 2,
      text: 'Innspill & <svar>',
      pageBreakBefore: true,
    },
    {
      type: 'table',
      header: ['Region', 'Innspill', 'Disposisjon'],
      widths: [2, 5, 2],
      rows: [
        ['Indre Østfold', 'Ta inn «samferdsel» & <kollektiv>.\nOg kompetanse.', 'Tatt inn'],
        ['Hallingdal', 'Nynorsk: kvar region skal høyrast.', 'Delvis tatt inn'],
      ],
    },
  ],
  ...overrides,
});

describe('DOCX', () => {
  it('has the title page, the body with æøå and escaped text, and the header and footer on every page', async () => {
    const docx = readDocx(await renderDocx(model()));
    for (const words of [
      'Viken fylkeskommune',
      'Partnerskapsavtale',
      'Indre Østfold regionråd',
      'Avtaleperiode',
      'Marker, Aremark, Rakkestad',
      'Mål for samarbeidet',
      'Kollektivtrafikk på Østlandet',
      'Etablerertjeneste',
      'Næringsavdelingen',
      'Andre linje med ÆØÅ.',
      'Ingen innspill til denne delen.',
      'Innspill & <svar>',
      'Ta inn «samferdsel» & <kollektiv>.',
      'Nynorsk: kvar region skal høyrast.',
    ]) {
      expect(docx.body).toContain(words);
    }
    expect(docx.body).toContain('Avtaleperiode\t01.01.2025–31.12.2028');
    expect(docx.headers).toContain('Viken fylkeskommune\tPartnerskapsavtale Indre Østfold');
    expect(docx.footers).toContain('Versjon 3\tSide  av ');
    const footer = docx.parts.get('word/footer1.xml') ?? '';
    expect(footer).toMatch(
      /<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/,
    );
  });

  it('starts the body on a page of its own, after a title page without header', async () => {
    const xml = readDocx(await renderDocx(model())).parts.get('word/document.xml') ?? '';
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toContain('w:headerReference');
    expect(sections[1]).toContain('w:headerReference');
    expect(sections[1]).toContain('w:footerReference');
  });

  it('uses Word heading styles, bold, italic, hyperlinks, line breaks and the document language', async () => {
    const parts = readDocx(await renderDocx(model())).parts;
    const xml = parts.get('word/document.xml') ?? '';
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?1 Formål/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Mål for samarbeidet/);
    expect(xml).toMatch(/<w:b\/>[\s\S]*?Regionrådet og fylkeskommunen skal/);
    expect(xml).toMatch(/<w:i\/>[\s\S]*?samarbeide tett/);
    expect(xml).toMatch(/<w:br\/><w:t[^>]*>om næringsutvikling/);
    const link = xml.match(/<w:hyperlink[^>]*r:id="([^"]+)"[^>]*>[\s\S]*?viken\.no<\/w:t>/);
    expect(link?.[1]).toBeDefined();
    const rels = parts.get('word/_rels/document.xml.rels') ?? '';
    expect(rels).toContain(`Id="${link?.[1]}"`);
    expect(rels).toMatch(/Target="https:\/\/viken\.no\/avtaler" TargetMode="External"/);
    expect(parts.get('word/styles.xml')).toContain('<w:lang w:val="nb-NO"/>');
    const nynorsk = readDocx(await renderDocx(model({ language: 'nn' }))).parts;
    expect(nynorsk.get('word/styles.xml')).toContain('<w:lang w:val="nn-NO"/>');
  });

  it('numbers each numbered list from its own start, nests list levels, and bullets the rest', async () => {
    const parts = readDocx(await renderDocx(model())).parts;
    const xml = parts.get('word/document.xml') ?? '';
    const numbering = parts.get('word/numbering.xml') ?? '';
    const listOf = (words: string) => {
      const paragraph = xml.match(new RegExp(`<w:p>(?:(?!</w:p>).)*?${words}`))?.[0] ?? '';
      const level = paragraph.match(/<w:ilvl w:val="(\d+)"\/>/)?.[1];
      const numId = paragraph.match(/<w:numId w:val="(\d+)"\/>/)?.[1];
      return { level: Number(level), numId };
    };
    const third = listOf('Tredje punkt');
    const fourth = listOf('Fjerde punkt');
    const nested = listOf('Underpunkt én');
    const next = listOf('Ny liste, første');
    expect(fourth).toEqual(third);
    expect(nested.level).toBe(1);
    expect(next.numId).not.toBe(third.numId);
    const startOf = (numId: string | undefined) =>
      numbering.match(new RegExp(`<w:num w:numId="${numId}">.*?<w:startOverride w:val="(\\d+)"/>`))?.[1];
    expect(startOf(third.numId)).toBe('3');
    expect(startOf(next.numId)).toBe('1');
    expect(listOf('Kollektivtrafikk på Østlandet').level).toBe(1);
    const bullet = listOf('Samferdsel');
    const abstractOf = (numId: string | undefined) =>
      numbering.match(new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`))?.[1];
    const abstract = numbering.match(
      new RegExp(`<w:abstractNum w:abstractNumId="${abstractOf(bullet.numId)}"[^>]*>.*?</w:abstractNum>`),
    )?.[0];
    expect(abstract).toContain('<w:numFmt w:val="bullet"/>');
    expect(listOf('Rakkestad kommune').numId).toBe(bullet.numId);
    // The second paragraph of an item has no marker of its own.
    expect(xml).toMatch(
      /<w:p><w:pPr><w:pStyle w:val="ListParagraph"\/><w:ind w:left="360"\/><\/w:pPr>.*?Også fagskole/,
    );
  });

  it('repeats table header rows, shades them, and merges spanned cells', async () => {
    const xml = readDocx(await renderDocx(model())).parts.get('word/document.xml') ?? '';
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
    const rich = tables.find((t) => t.includes('Etablerertjeneste')) ?? '';
    const plain = tables.find((t) => t.includes('Disposisjon')) ?? '';
    expect(rich).toMatch(/<w:tblHeader\/>.*?Tiltak/);
    expect(rich).toContain('<w:gridSpan w:val="2"/>');
    expect(rich).toContain('<w:vMerge w:val="restart"/>');
    expect(rich).toContain('<w:vMerge w:val="continue"/>');
    expect(plain).toMatch(/<w:tblHeader\/>.*?Region.*?Innspill.*?Disposisjon/);
    expect(plain).toMatch(/<w:shd [^>]*w:fill="E6ECF2"/);
    expect(plain).toMatch(/<w:gridCol w:w="2091"\/><w:gridCol w:w="5228"\/><w:gridCol w:w="2091"\/>/);
  });

  it('writes a paragraph of runs as the XML docx makes of the same runs, escaped and with its line breaks', async () => {
    const runs: Run[] = [
      { text: 'Forsinket & <utsatt>', bold: true },
      { text: ' «sitat» "q" \'a\'\nneste linje\r\ntredje', italic: true },
      { text: 'begge\u0001', bold: true, italic: true },
      { text: '' },
    ];
    const bodyOf = (docx: Buffer) => {
      const xml = unzipText(docx).get('word/document.xml') ?? '';
      return xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr'));
    };
    const written = bodyOf(
      await renderDocx(model({ titlePage: undefined, body: [{ type: 'paragraph', content: runs }] })),
    );
    const byDocx = bodyOf(
      await Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({
                  children: runs.flatMap((run) =>
                    run.text.split(/\r\n|\n/).map(
                      (line, i) =>
                        new TextRun({
                          text: line,
                          bold: run.bold,
                          italics: run.italic,
                          break: i > 0 ? 1 : undefined,
                        }),
                    ),
                  ),
                }),
              ],
            },
          ],
        }),
      ),
    );
    expect(written).toContain('Forsinket &amp; &lt;utsatt&gt;');
    expect(written).toBe(byDocx);
    expect(
      readDocx(await renderDocx(model({ body: [{ type: 'paragraph', content: runs }] }))).body,
    ).toContain('Forsinket & <utsatt>');
  });

  it('writes a table as the XML docx makes of the same table: repeated shaded header, widths, line breaks', async () => {
    const header = ['Forpliktelse & eier', 'Status', 'Brukt (kr)'];
    const rows = [
      ['Bussruter <Askim>\nMysen', 'Forsinket'],
      ['Næringshage', 'I rute', '100 000'],
    ];
    const widths = [5, 2.5, 2];
    const bodyOf = (docx: Buffer) => {
      const xml = unzipText(docx).get('word/document.xml') ?? '';
      return xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr'));
    };
    const written = bodyOf(
      await renderDocx(model({ titlePage: undefined, body: [{ type: 'table', header, rows, widths }] })),
    );
    const total = widths.reduce((sum, w) => sum + w, 0);
    const columns = widths.map((w) => Math.floor((docxContentWidth * w) / total));
    const cell = (text: string, isHeader: boolean) =>
      new TableCell({
        shading: isHeader ? { fill: 'E6ECF2' } : undefined,
        children: [
          new Paragraph({
            style: 'TableText',
            children: text
              .split('\n')
              .map((line, i) => new TextRun({ text: line, bold: isHeader, break: i > 0 ? 1 : undefined })),
          }),
        ],
      });
    const table = new Table({
      width: { size: docxContentWidth, type: WidthType.DXA },
      columnWidths: columns,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: header.map((text) => cell(text, true)),
        }),
        ...rows.map((row) => new TableRow({ children: header.map((_, c) => cell(row[c] ?? '', false)) })),
      ],
    });
    const byDocx = bodyOf(await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })));
    expect(written).toContain('<w:tblHeader/>');
    expect(written).toBe(byDocx);
    expect(
      readDocx(await renderDocx(model({ body: [{ type: 'table', header, rows, widths }] }))).body,
    ).toContain(
      'Forpliktelse & eier\nStatus\nBrukt (kr)\nBussruter <Askim>\nMysen\nForsinket\n\nNæringshage\nI rute\n100 000\n',
    );
  });

  it('zips the parts docx compiles, in its order, as docx would zip them', async () => {
    const document = new Document({
      title: 'Årsrapport',
      sections: [{ children: [new Paragraph({ children: [new TextRun('Sammendrag æøå')] })] }],
    });
    const ours = unzipText(await packDocx(document));
    const theirs = unzipText(await Packer.toBuffer(document));
    expect([...ours.keys()]).toEqual([...theirs.keys()]);
    expect(ours.get('word/document.xml')).toContain('Sammendrag æøå');
    for (const [name, text] of theirs) expect(ours.get(name), name).toBe(text);
  });

  it('renders a document without a title page in one section with header and footer', async () => {
    const docx = readDocx(await renderDocx(model({ titlePage: undefined, body: [] })));
    const sections = docx.parts.get('word/document.xml')?.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(1);
    expect(sections[0]).toContain('w:headerReference');
    expect(docx.headers).toContain('Partnerskapsavtale Indre Østfold');
  });
});

describe('PDF', () => {
  it('embeds its font, so æøå are drawn and extractable on any machine', async () => {
    const pdf = await renderPdf(model());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = (await readPdfFonts(pdf)).split('\n').filter((line) => line.includes('Roboto'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\s+yes\s+yes\s+yes\s+/); // embedded, subset, unicode map
  });

  it('has the title page without header, then the body with county, title, version and "Side X av Y"', async () => {
    const pages = await readPdfPages(await renderPdf(model()));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const [title, first] = pages.map(squash);
    expect(title).toContain('Viken fylkeskommune');
    expect(title).toContain('Partnerskapsavtale Indre Østfold regionråd');
    expect(title).toContain('Avtaleperiode 01.01.2025–31.12.2028');
    expect(title).toContain('Versjon 3');
    expect(title).not.toContain('Side 1');
    pages.slice(1).forEach((page, i) => {
      const words = squash(page);
      expect(words).toContain('Viken fylkeskommune');
      expect(words).toContain('Partnerskapsavtale Indre Østfold');
      expect(words).toContain('Versjon 3');
      expect(words).toContain(`Side ${i + 2} av ${pages.length}`);
    });
    expect(first).toContain('1 Formål');
  });

  it('lays out rich text: headings, runs, lists with their numbers, tables with spans', async () => {
    const pdf = await renderPdf(model());
    const words = squash((await readPdfPages(pdf)).join('\n'));
    for (const expected of [
      'Mål for samarbeidet',
      'Regionrådet og fylkeskommunen skal samarbeide tett om næringsutvikling. Les mer på viken.no',
      'Samferdsel Kollektivtrafikk på Østlandet Kompetanse Også fagskole.',
      '3. Tredje punkt 1. Underpunkt én 4. Fjerde punkt 1. Ny liste, første',
      'Etablerertjeneste',
      'Næring og regionråd',
      'Næringsavdelingen',
      'Første linje. Andre linje med ÆØÅ.',
      'Merk: kursiv',
      'Ingen innspill til denne delen.',
      'Innspill & <svar>',
      'Ta inn «samferdsel» & <kollektiv>.',
      'Nynorsk: kvar region skal høyrast.',
      'Delvis tatt inn',
    ]) {
      expect(words).toContain(expected);
    }
    // Links are annotations a reader can follow (dictionaries are not compressed, only content streams).
    expect(pdf.toString('latin1')).toContain('/URI (https://viken.no/avtaler)');
  });

  it('starts a heading marked so on a new page', async () => {
    const pages = await readPdfPages(await renderPdf(model()));
    const at = pages.findIndex((page) => page.includes('Innspill & <svar>'));
    expect(at).toBeGreaterThan(1);
    expect(pages[at - 1]).toContain('Innspill');
    expect(squash(pages[at] ?? '')).toMatch(/Partnerskapsavtale Indre Østfold Innspill & <svar>/);
  });

  const followers: [string, DocumentBlock][] = [
    ['paragraph', { type: 'paragraph', content: 'Teksten under overskriften.' }],
    ['table', { type: 'table', header: ['Kolonne'], rows: [['Teksten under overskriften.'], ['Mer']] }],
    ['list', { type: 'list', ordered: true, items: ['Teksten under overskriften.'] }],
  ];
  it.each(followers)(
    'never leaves a heading alone at the foot of a page when a %s follows, nor an empty page at the end',
    async (_kind, follower) => {
      const filler = Array.from({ length: 60 }, (_, i) => ({
        type: 'paragraph' as const,
        content: `Linje ${i}`,
      }));
      const placements: { lines: number; pages: number; together: boolean; blankPage: boolean }[] = [];
      // About 37 lines fill a page: between them, these counts put the heading at every spot near the foot.
      for (let lines = 29; lines <= 40; lines++) {
        const pages = await readPdfPages(
          await renderPdf(
            model({
              titlePage: undefined,
              body: [
                ...filler.slice(0, lines),
                { type: 'heading', level: 1, text: 'Overskrift nederst' },
                follower,
              ],
            }),
          ),
        );
        const page = pages.find((p) => p.includes('Overskrift nederst')) ?? '';
        placements.push({
          lines,
          pages: pages.length,
          together: page.includes('Teksten under overskriften.'),
          // A page with none of the body's words (a table's last row, "Mer", counts) would be blank.
          blankPage: pages.some((p) => !/Linje|Teksten|Mer/.test(p)),
        });
      }
      expect(placements.filter((p) => !p.together || p.blankPage)).toEqual([]);
      expect(placements.some((p) => p.pages === 1)).toBe(true);
      expect(placements.some((p) => p.pages === 2)).toBe(true);
    },
    // Twelve documents made and read: more than the default five seconds on a busy machine.
    30_000,
  );

  it('keeps every word of a block too long to move with its heading', async () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Setning nummer ${i + 1} i et langt avsnitt.`);
    const facts = Array.from({ length: 60 }, (_, i) => ({ label: `Felt ${i + 1}`, value: `Verdi ${i + 1}` }));
    const pages = await readPdfPages(
      await renderPdf(
        model({
          titlePage: undefined,
          body: [
            { type: 'heading', level: 1, text: 'Langt avsnitt' },
            { type: 'paragraph', content: sentences.join(' ') },
            { type: 'heading', level: 2, text: 'Mange felt' },
            { type: 'facts', items: facts },
          ],
        }),
      ),
    );
    const words = squash(pages.join('\n'));
    expect(pages.length).toBeGreaterThan(3);
    for (const sentence of [sentences[0], sentences[199], sentences[399]]) expect(words).toContain(sentence);
    for (const n of [1, 30, 60]) expect(words).toContain(`Felt ${n} Verdi ${n}`);
  });

  it('continues a table over pages under its repeated header, and splits a row taller than a page', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [`Rad ${i + 1}`, `Innhold ${i + 1}`]);
    const long = Array.from({ length: 220 }, (_, i) => `Setning ${i + 1} i en lang celle.`).join(' ');
    const pages = await readPdfPages(
      await renderPdf(
        model({
          titlePage: undefined,
          body: [
            { type: 'table', header: ['Kolonne A', 'Kolonne B'], rows },
            {
              type: 'table',
              header: ['Kort', 'Lang'],
              rows: [
                ['Første', long],
                ['Siste', 'Slutt'],
              ],
            },
          ],
        }),
      ),
    );
    const words = squash(pages.join('\n'));
    for (const n of [1, 45, 90]) expect(words).toContain(`Rad ${n} Innhold ${n}`);
    const withRows = pages.filter((page) => /Rad \d+/.test(page));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page).toContain('Kolonne A');
    for (const n of [1, 110, 220]) expect(words).toContain(`Setning ${n} i en lang celle.`);
    const withLong = pages.filter((page) => /Setning \d+/.test(page));
    expect(withLong.length).toBeGreaterThan(1);
    for (const page of withLong) expect(page).toContain('Lang');
    expect(pages.find((page) => page.includes('Siste'))).toContain('Slutt');
  });

  it('breaks a word wider than the line between its characters instead of losing it', async () => {
    const word = 'https://viken.no/'.concat('partnerskap'.repeat(20));
    const pages = await readPdfPages(
      await renderPdf(model({ titlePage: undefined, body: [{ type: 'paragraph', content: word }] })),
    );
    expect(pages.join('').replace(/\s+/g, '')).toContain(word);
  });

  it('keeps every word inside the page margins and the header clear of the body, whatever the input', async () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `ord${i}`).join(' ');
    let nested: RichTextDoc['content'][number] = { type: 'bulletList', content: [item(para('Innerst'))] };
    for (let level = 0; level < 9; level++)
      nested = { type: 'bulletList', content: [item(para(`Nivå ${level}`), nested)] };
    const stress: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          attrs: { start: 99998 },
          content: [item(para('Høyt nummer')), item(para('Neste'))],
        },
        nested,
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [para('A')] },
                { type: 'tableCell', content: [para('B')] },
              ],
            },
            // One cell more than the table has columns: the table widens instead of losing it.
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [para('C')] },
                { type: 'tableCell', content: [nested] },
                { type: 'tableCell', content: [para('Ekstra celle')] },
              ],
            },
          ],
        },
      ],
    };
    const pdf = await renderPdf(
      model({
        county: `Viken fylkeskommune ${long(18)}`,
        title: `Partnerskapsavtale ${long(20)}`,
        version: `Versjon 3 ${long(12)}`,
        body: [{ type: 'richText', doc: stress }],
      }),
    );
    const words = await readPdfWords(pdf);
    const text = words.map((w) => w.text).join(' ');
    for (const expected of ['99998.', '99999.', 'Høyt', 'Innerst', 'Ekstra', 'C'])
      expect(text).toContain(expected);
    const outside = words.filter((w) => w.xMin < 62 - 1 || w.xMax > 595.28 - 62 + 1 || w.yMax > 841.89);
    expect(outside).toEqual([]);
    // Header words (above the body's top, 72 pt) and body words never share a line of the page.
    const bodyPages = words.filter((w) => w.page > 1);
    const header = bodyPages.filter((w) => w.yMin < 60);
    expect(header.length).toBeGreaterThan(0);
    expect(Math.max(...header.map((w) => w.yMax))).toBeLessThan(72);
    expect(header.some((w) => w.text.endsWith('…'))).toBe(true);
  });

  it('repeats a header row only when it is short, and survives thousands of headings in a row', async () => {
    const tall = Array.from({ length: 120 }, (_, i) => `Overskriftslinje ${i + 1}.`).join(' ');
    const rows = Array.from({ length: 80 }, (_, i) => [`Rad ${i + 1}`]);
    const headings = Array.from({ length: 3000 }, (_, i) => ({
      type: 'heading' as const,
      level: 2 as const,
      text: `H${i}`,
    }));
    const pages = await readPdfPages(
      await renderPdf(
        model({
          titlePage: undefined,
          body: [
            { type: 'table', header: [tall], rows },
            ...headings,
            { type: 'paragraph', content: 'Etter overskriftene.' },
          ],
        }),
      ),
    );
    const words = squash(pages.join('\n'));
    for (const n of [1, 40, 80]) expect(words).toContain(`Rad ${n}`);
    expect(pages.filter((p) => p.includes('Overskriftslinje 120.'))).toHaveLength(1);
    expect(words).toContain('H2999 Etter overskriftene.');
    // poppler's pdftotext takes seconds for a tagged PDF of 150 pages and 3,000 headings.
  }, 60_000);
});

/** An element of a PDF's structure tree as `pdfinfo -struct-text` lists it, with its text and its children in order. */
type StructElement = { role: string; inline: boolean; parts: (string | StructElement)[] };

function parseStructure(listing: string): StructElement {
  const root: StructElement = { role: '', inline: false, parts: [] };
  const stack: { element: StructElement; depth: number }[] = [{ element: root, depth: -1 }];
  for (const line of listing.split('\n')) {
    const text = line.trim();
    if (text === '') continue;
    const depth = line.search(/\S/);
    while ((stack.at(-1)?.depth ?? -1) >= depth) stack.pop();
    const parent = stack.at(-1)?.element ?? root;
    if (text.startsWith('"')) parent.parts.push(text.slice(1, -1));
    else if (/^[A-Za-z][A-Za-z0-9]*( \((block|inline)\))?:?$/.test(text)) {
      const element: StructElement = {
        role: text.replace(/[ :].*$/, ''),
        inline: text.includes('(inline)'),
        parts: [],
      };
      parent.parts.push(element);
      stack.push({ element, depth });
    }
  }
  return root;
}

const kids = (e: StructElement) => e.parts.filter((p): p is StructElement => typeof p !== 'string');
/** An element's text: block elements read as separate words, inline ones (a link) as part of their line. */
const textOf = (e: StructElement): string =>
  squash(
    e.parts.map((p) => (typeof p === 'string' ? p : p.inline ? textOf(p) : ` ${textOf(p)} `)).join(''),
  ).trim();
const elements = (e: StructElement): StructElement[] => [e, ...kids(e).flatMap(elements)];
/** An element's shape: its role and its children's, e.g. "L(LI(Lbl LBody(P)))". */
const outline = (e: StructElement): string =>
  kids(e).length > 0 ? `${e.role}(${kids(e).map(outline).join(' ')})` : e.role;

const contribution: DocumentBlock[] = [
  { type: 'heading', level: 4, text: 'Bidrag: Kollektivtilbud på kveldstid' },
  {
    type: 'paragraph',
    content:
      'Fylkeskommunen og regionen samarbeider om å utvikle tilbudet i hele regionen. Tiltaket følges opp i ' +
      'det årlige partnerskapsmøtet, og erfaringene deles med de andre kommuneregionene. '.repeat(3),
  },
  {
    type: 'paragraph',
    content: 'Type: Tiltak\nEier: Samferdsel\nBudsjett: 450 000 kr per år\nTidsramme: 2025–2028',
  },
];

// poppler takes seconds to list a structure tree with its text, the more so on a busy machine.
describe('PDF for archives and screen readers', () => {
  it('is tagged: headings, paragraphs, lists, tables and links in reading order, without the page furniture', async () => {
    const pdf = await renderPdf(
      model({ body: [...model().body, { type: 'keepTogether', blocks: contribution }] }),
    );
    const listing = await readPdfInfo(pdf, '-struct-text');
    const [document, ...others] = kids(parseStructure(listing));
    expect(others).toEqual([]);
    if (!document) throw new Error('no structure tree');
    expect(document.role).toBe('Document');
    const all = elements(document);
    const texts = (role: string) => all.filter((e) => e.role === role).map(textOf);

    expect(texts('H1')).toEqual(['Partnerskapsavtale', '1 Formål']);
    expect(texts('H2')).toEqual(['Mål for samarbeidet', 'Innspill & <svar>']);
    expect(texts('H4')).toEqual(['Bidrag: Kollektivtilbud på kveldstid']);
    expect(texts('P')).toEqual(
      expect.arrayContaining([
        'Regionrådet og fylkeskommunen skal samarbeide tett om næringsutvikling. Les mer på viken.no',
        'Første linje. Andre linje med ÆØÅ.',
        'Merk: kursiv',
        'Ingen innspill til denne delen.',
      ]),
    );
    expect(texts('Link')).toEqual(['viken.no']);

    // Each list is one L; an item's marker is its Lbl, its paragraphs and nested list its LBody.
    const lists = kids(document).filter((e) => e.role === 'L');
    expect(lists.map(outline)).toEqual([
      'L(LI(Lbl LBody(P L(LI(Lbl LBody(P))))) LI(Lbl LBody(P P)))',
      'L(LI(Lbl LBody(P L(LI(Lbl LBody(P))))) LI(Lbl LBody(P)))',
      'L(LI(Lbl LBody(P)))',
      'L(LI(Lbl LBody(P)) LI(Lbl LBody(P)))',
    ]);
    expect(lists.map(textOf)).toEqual([
      'Samferdsel Kollektivtrafikk på Østlandet Kompetanse Også fagskole.',
      '3. Tredje punkt 1. Underpunkt én 4. Fjerde punkt',
      '1. Ny liste, første',
      'Rakkestad kommune Aremark kommune',
    ]);

    // Tables: the title page's facts, the rich text's table with spans, the facts block and the plain table.
    const tables = kids(document).filter((e) => e.role === 'Table');
    expect(
      tables.map((t) =>
        kids(t).map((row) =>
          kids(row)
            .map((cell) => cell.role)
            .join(' '),
        ),
      ),
    ).toEqual([
      ['TH TD', 'TH TD'],
      ['TH TH TH', 'TD TD', 'TD TD'],
      ['TH TD'],
      ['TH TH TH', 'TD TD TD', 'TD TD TD'],
    ]);
    expect(texts('TH')).toEqual(
      expect.arrayContaining([
        'Avtaleperiode',
        'Tiltak',
        'Ansvar',
        'År',
        'Region',
        'Innspill',
        'Disposisjon',
      ]),
    );
    expect(texts('TD')).toEqual(
      expect.arrayContaining([
        'Etablerertjeneste',
        'Næring og regionråd',
        'Ta inn «samferdsel» & <kollektiv>. Og kompetanse.',
      ]),
    );
    expect(listing).toContain('/Scope /Column');
    expect(listing).toContain('/Scope /Row');

    // A contribution kept together is a section of its own.
    expect(
      kids(document)
        .filter((e) => e.role === 'Sect')
        .map(outline),
    ).toEqual(['Sect(H4 P P)']);

    // Header and footer are artifacts: the version printed on every page is read once, from the title page.
    const pages = await readPdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(listing.match(/Versjon 3/g)).toHaveLength(1);
    expect(listing).not.toContain('Side 2');
  }, 60_000);

  it('reads a table header repeated on every page once', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => [`Rad ${i + 1}`, 'Tekst']);
    const pdf = await renderPdf(
      model({ titlePage: undefined, body: [{ type: 'table', header: ['Kolonne', 'Innhold'], rows }] }),
    );
    expect((await readPdfPages(pdf)).filter((page) => page.includes('Kolonne')).length).toBeGreaterThan(1);
    const table = elements(parseStructure(await readPdfInfo(pdf, '-struct-text'))).filter(
      (e) => e.role === 'Table',
    );
    expect(table).toHaveLength(1);
    const [header, ...body] = kids(table[0] as StructElement);
    expect(header && textOf(header)).toBe('Kolonne Innhold');
    expect(body).toHaveLength(70);
    expect(body.map(textOf).filter((text) => text.includes('Kolonne'))).toEqual([]);
  }, 60_000);

  it('is PDF/A-2a with its title shown and its language set, also when the title has "&" and "<"', async () => {
    const pdf = await renderPdf(model({ title: 'Avtale for Vest & <Øst>', county: 'Agder & Telemark' }));
    const info = await readPdfInfo(pdf);
    expect(info).toMatch(/^Title:\s+Avtale for Vest & <Øst>$/m);
    expect(info).toMatch(/^Author:\s+Agder & Telemark$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    const xmp = await readPdfInfo(pdf, '-meta');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    // The XMP is XML: the title's "&" and "<" are escaped there, and no bare "&" or "<" is left.
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Avtale for Vest &amp; &lt;Øst&gt;</rdf:li>');
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    expect(xmp).not.toMatch(/<(?![?!/A-Za-z])/);
    // Dictionaries are not compressed, only content streams.
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/Lang (nb-NO)');
    expect(raw).toMatch(/\/S \/GTS_PDFA1\s+\/Info \(sRGB IEC61966-2\.1\)/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
  });
});

describe('PDF: kept together', () => {
  const filler = Array.from({ length: 60 }, (_, i) => ({
    type: 'paragraph' as const,
    content: `Linje ${i}`,
  }));
  const render = async (lines: number, group: DocumentBlock[]) =>
    readPdfPages(
      await renderPdf(model({ titlePage: undefined, body: [...filler.slice(0, lines), ...group] })),
    );

  it('starts a contribution that would straddle a page break on the next page', async () => {
    const split: number[] = [];
    const kept: number[] = [];
    // About 37 lines fill a page and the contribution takes about ten: these counts put it across the break.
    for (let lines = 26; lines <= 34; lines += 2) {
      const loose = await render(lines, contribution);
      if (!loose.some((page) => page.includes('Bidrag: Kollektivtilbud') && page.includes('Tidsramme')))
        split.push(lines);
      const together = await render(lines, [{ type: 'keepTogether', blocks: contribution }]);
      const at = together.findIndex((page) => page.includes('Bidrag: Kollektivtilbud'));
      const page = squash(together[at] ?? '');
      if (page.includes('Tidsramme: 2025–2028') && page.includes('Eier: Samferdsel')) kept.push(lines);
      // Moved whole, nothing of it left behind, and the page before still holds the filler.
      expect(squash(together[at - 1] ?? '')).not.toContain('Fylkeskommunen og regionen');
    }
    expect(split.length).toBeGreaterThan(0);
    expect(kept).toEqual([26, 28, 30, 32, 34]);
  }, 60_000);

  it('lets a contribution taller than a page flow from where it is, losing no word', async () => {
    const long: DocumentBlock[] = [
      ...contribution.slice(0, 1),
      { type: 'paragraph', content: Array.from({ length: 80 }, (_, i) => `Setning ${i + 1}.`).join('\n') },
    ];
    const pages = await render(20, [{ type: 'keepTogether', blocks: long }]);
    const at = pages.findIndex((page) => page.includes('Bidrag: Kollektivtilbud'));
    expect(pages[at]).toContain('Linje 19');
    const words = squash(pages.join('\n'));
    for (const n of [1, 40, 80]) expect(words).toContain(`Setning ${n}.`);
  });
});
