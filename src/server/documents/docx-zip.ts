import { crc32, deflateRawSync } from 'node:zlib';
import { type Document, Packer } from 'docx';

type Compiler = {
  compile(file: Document, prettify?: undefined): Map<string, string | ArrayBufferView | ArrayBuffer>;
};

/**
 * A document's parts as `docx` compiles them, zipped with Node's zlib rather than with `docx`'s own zip
 * (fflate, in JavaScript). The compression is most of what packing a long document costs: the county's annual
 * report at national size is 55 MB of XML, which fflate took some 800 ms of CPU to deflate and zlib takes
 * 130 ms (at the same level, 6). `Packer.toBuffer` is `compile` then fflate's zip; `compile` is not in the
 * types, so it is reached through `Packer`'s compiler, and every DOCX the tests read back goes through here.
 */
export function packDocx(document: Document): Buffer {
  const compiler = (Packer as unknown as { compiler: Compiler }).compiler;
  return zip(compiler.compile(document));
}

const bytesOf = (data: string | ArrayBufferView | ArrayBuffer): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** The MS-DOS time and date a zip entry carries, of now. */
function dosTime(now: Date): { time: number; date: number } {
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  };
}

/** A zip of the files in their order, each deflated, with UTF-8 names (no zip64: a DOCX is far below 4 GB). */
export function zip(files: Map<string, string | ArrayBufferView | ArrayBuffer>): Buffer {
  const { time, date } = dosTime(new Date());
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of files) {
    const raw = bytesOf(data);
    const compressed = deflateRawSync(raw, { level: 6 });
    const name = Buffer.from(path, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    chunks.push(local, name, compressed);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
