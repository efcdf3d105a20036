import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The PDF's typeface: Roboto, from the Google Fonts files that @expo-google-fonts/roboto ships (SIL Open
 * Font License). It covers Latin-1 and more, so æ, ø and å are drawn and extractable, and it is embedded
 * (subset) in every PDF, so a fresh machine needs no system fonts. The files are read from disk once per
 * process.
 */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const faces: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** Medium rather than Bold for emphasis: the same weights the DOCX asks Word for. */
const files: Record<Face, string> = {
  regular: '400Regular/Roboto_400Regular.ttf',
  bold: '500Medium/Roboto_500Medium.ttf',
  italic: '400Regular_Italic/Roboto_400Regular_Italic.ttf',
  boldItalic: '500Medium_Italic/Roboto_500Medium_Italic.ttf',
};

/** The family name the PDF's font dictionaries carry (and poppler's `pdffonts` lists). */
export const familyName = 'Roboto';

let loaded: Record<Face, Buffer> | null = null;

export function fontFiles(): Record<Face, Buffer> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const folder = path.dirname(require.resolve('@expo-google-fonts/roboto/package.json'));
  loaded = {
    regular: readFileSync(path.join(folder, files.regular)),
    bold: readFileSync(path.join(folder, files.bold)),
    italic: readFileSync(path.join(folder, files.italic)),
    boldItalic: readFileSync(path.join(folder, files.boldItalic)),
  };
  return loaded;
}

export function faceOf(bold: boolean | undefined, italic: boolean | undefined): Face {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}
