import type { IStylesOptions } from 'docx';

/** Sizes in half-points (22 = 11 pt), spacing in twips (20 = 1 pt). */
const ink = '1A1A1A';
const accent = '1F3A5F';
const quiet = '595959';

const heading = (size: number, options: { italics?: boolean; before?: number } = {}) => ({
  run: { font: 'Calibri', size, bold: true, italics: options.italics, color: accent },
  paragraph: { spacing: { before: options.before ?? 240, after: 100 }, keepNext: true, keepLines: true },
});

/**
 * Word styles of the documents: named styles (Heading 1–6, Title, List Paragraph, Hyperlink) so a reader can
 * navigate by headings and a clerk can restyle the document, and the document language for spelling.
 */
export function docxStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: 'Calibri', size: 22, color: ink, language: { value: language } },
        paragraph: { spacing: { after: 120, line: 276 } },
      },
      title: {
        run: { font: 'Calibri', size: 52, bold: true, color: accent },
        paragraph: { spacing: { before: 240, after: 240 } },
      },
      heading1: heading(32, { before: 360 }),
      heading2: heading(27, { before: 300 }),
      heading3: heading(24),
      heading4: heading(22),
      heading5: heading(22, { italics: true }),
      heading6: heading(21, { italics: true }),
      listParagraph: { paragraph: { spacing: { after: 60 } } },
      hyperlink: { run: { color: '0B5CAD', underline: {} } },
    },
    paragraphStyles: [
      {
        id: 'Note',
        name: 'Note',
        basedOn: 'Normal',
        run: { italics: true, color: quiet },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 20 },
        paragraph: { spacing: { after: 40, line: 252 } },
      },
      {
        id: 'Fact',
        name: 'Fact',
        basedOn: 'Normal',
        run: { size: 20 },
        paragraph: { spacing: { after: 60, line: 252 } },
      },
      {
        id: 'PageHeader',
        name: 'Page Header',
        basedOn: 'Normal',
        run: { size: 17, color: quiet },
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: 'TitlePageCounty',
        name: 'Title Page County',
        basedOn: 'Normal',
        run: { size: 28, color: quiet },
        paragraph: { spacing: { before: 2400, after: 240 } },
      },
      {
        id: 'TitlePageSubtitle',
        name: 'Title Page Subtitle',
        basedOn: 'Normal',
        run: { size: 30, color: accent },
        paragraph: { spacing: { after: 480 } },
      },
      {
        id: 'TitlePageVersion',
        name: 'Title Page Version',
        basedOn: 'Normal',
        run: { size: 22, color: quiet },
        paragraph: { spacing: { before: 480 } },
      },
    ],
  };
}
