import { crc32, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { checkFile, docxMaxUnpackedBytes } from './files.js';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const contentTypes = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);

type Part = { name: string; data: Buffer; declaredSize?: number };

/** A ZIP of deflated parts, written by hand so that a part may declare a size it does not have. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(part.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function refusal(content: Buffer): Promise<AppError> {
  const error = await checkFile('Innspill.docx', docxType, content).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('a Word document that unpacks past the limit', () => {
  it('accepts a Word document as Word writes it', async () => {
    const real = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Innspill')] }] }),
    );
    await expect(checkFile('Innspill.docx', docxType, real)).resolves.toMatchObject({ mediaType: docxType });
  });

  it('refuses a file of a few hundred kB that unpacks to 200 MB, naming the file', async () => {
    const bomb = zip([
      { name: '[Content_Types].xml', data: contentTypes },
      { name: 'word/document.xml', data: Buffer.alloc(200 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const error = await refusal(bomb);
    expect(error.status).toBe(400);
    expect(error.fields).toEqual([
      {
        field: 'file',
        code: 'validation.fileUnpackedTooLarge',
        params: { max: docxMaxUnpackedBytes / 1024 / 1024 },
      },
    ]);
  });

  it('refuses one whose directory says its parts are small when they unpack larger', async () => {
    const liar = zip([
      { name: '[Content_Types].xml', data: contentTypes },
      {
        name: 'word/document.xml',
        data: Buffer.alloc(docxMaxUnpackedBytes + 1024, 0x20),
        declaredSize: 1000,
      },
    ]);
    expect((await refusal(liar)).fields[0]?.code).toBe('validation.fileUnpackedTooLarge');
  });

  it('refuses one whose ZIP cannot be read past its first part as no Word document', async () => {
    const whole = zip([
      { name: '[Content_Types].xml', data: contentTypes },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    const cut = whole.subarray(0, whole.length - 30);
    expect((await refusal(cut)).fields[0]?.code).toBe('validation.fileType');
  });
});
