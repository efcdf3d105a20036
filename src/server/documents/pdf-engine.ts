import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { CustomTableLayout } from 'pdfmake/interfaces';

/**
 * pdfmake on the server, set up once per process on first use: the Roboto faces that pdfmake ships in its
 * own package (Latin-1 and more, so æ, ø and å are embedded and extractable; a fresh machine needs no system
 * fonts) are read from disk once and kept in pdfmake's virtual file system, so a document costs no file I/O.
 *
 * pdfmake would otherwise fetch any URL or read any local path a document definition names (images, fonts).
 * Our definitions name neither, and text from users (a link in a body) must never make the server fetch
 * or read anything, so both are refused.
 */
export const pdfFont = 'Roboto';

const faces = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/** Table padding and rule colour, shared by the layouts and the column widths computed from them. */
export const cellPadding = 5;
export const rule = '#A6B4C4';

/** `partnerskap`: thin rules around every cell; `facts`: label and value without rules. */
const tableLayouts: Record<string, CustomTableLayout> = {
  partnerskap: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => rule,
    vLineColor: () => rule,
    paddingLeft: () => cellPadding,
    paddingRight: () => cellPadding,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
  facts: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => 0,
    paddingRight: () => cellPadding * 2,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
};

let ready: typeof pdfmake | null = null;

export function pdfEngine(): typeof pdfmake {
  if (ready) return ready;
  const require = createRequire(import.meta.url);
  const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } })
    .virtualfs;
  for (const file of Object.values(faces)) vfs.writeFileSync(file, readFileSync(path.join(fontDir, file)));
  pdfmake.setFonts({ [pdfFont]: { ...faces } });
  pdfmake.setTableLayouts(tableLayouts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = pdfmake;
  return pdfmake;
}
