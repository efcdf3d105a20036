import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * For tests: what a reader finds in a rendered document. A DOCX is a zip of XML parts, read here without a
 * zip library (central directory, then stored or deflated entries); a PDF is read by poppler's `pdftotext`,
 * so a test sees the text exactly as a person copying it from the file would.
 */

/** Every part of a zip by name, as UTF-8 text. */
export function unzipText(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts = new Map<string, string>();
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('broken zip: bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`broken zip: bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`zip method ${method} for ${name}`);
    parts.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The words of a WordprocessingML part: paragraphs on lines, tabs and breaks kept, entities decoded. */
export function wordText(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? '');
}

export type DocxContent = {
  parts: Map<string, string>;
  /** The body's words (word/document.xml). */
  body: string;
  /** The words of every header part, and of every footer part. */
  headers: string;
  footers: string;
};

export function readDocx(docx: Buffer): DocxContent {
  const parts = unzipText(docx);
  const of = (pattern: RegExp) =>
    [...parts]
      .filter(([name]) => pattern.test(name))
      .map(([, xml]) => wordText(xml))
      .join('\n');
  return {
    parts,
    body: wordText(parts.get('word/document.xml') ?? ''),
    headers: of(/^word\/header\d*\.xml$/),
    footers: of(/^word\/footer\d*\.xml$/),
  };
}

/** A PDF's text as pdftotext extracts it, one string per page (pages are separated by form feeds). */
export async function readPdfPages(pdf: Buffer): Promise<string[]> {
  const text = await run('pdftotext', ['-enc', 'UTF-8', '-', '-'], pdf);
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export type PlacedWord = {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
};

/** Every word of a PDF with its page (1-based) and box in points from the top left, as `pdftotext -bbox` finds it. */
export async function readPdfWords(pdf: Buffer): Promise<PlacedWord[]> {
  const html = await run('pdftotext', ['-enc', 'UTF-8', '-bbox', '-', '-'], pdf);
  const words: PlacedWord[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        words.push({
          page: i + 1,
          text: (m[5] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? ''),
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
        });
      }
    });
  return words;
}

/** The fonts of a PDF as pdffonts lists them (name, type, embedded, …). */
export function readPdfFonts(pdf: Buffer): Promise<string> {
  return run('pdffonts', ['-'], pdf);
}

/**
 * What `pdfinfo` says of a PDF: its information and flags (`Tagged: yes`), its XMP metadata (`-meta`), or
 * its structure tree with the text of each element (`-struct-text`). pdfinfo reads files only, so the PDF
 * is written to a temporary one.
 */
export async function readPdfInfo(pdf: Buffer, option?: '-meta' | '-struct-text'): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pdfinfo-'));
  const file = path.join(folder, 'document.pdf');
  try {
    await writeFile(file, pdf);
    return await run('pdfinfo', ['-enc', 'UTF-8', ...(option ? [option] : []), file], Buffer.alloc(0));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Words with any run of white space (line ends inside table cells included) as one space. */
export const squash = (text: string) => text.replace(/\s+/g, ' ');

function run(command: string, args: string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}
