import { type Document, Packer } from 'docx';

type Compiler = {
  compile(file: Document, prettify?: undefined): Map<string, string | ArrayBufferView | ArrayBuffer>;
};

/**
 * A document's parts as `docx` compiles them, zipped by archiver with Node's zlib rather than with `docx`'s
 * own zip (fflate, in JavaScript). The compression is most of what packing a long document costs: the
 * county's annual report at national size is 55 MB of XML, which fflate took some 800 ms of CPU to deflate
 * and zlib takes a fraction of that (at the same level, 6). `Packer.toBuffer` is `compile` then fflate's
 * zip; `compile` is not in the types, so it is reached through `Packer`'s compiler, and every DOCX the tests
 * read back goes through here.
 */
export async function packDocx(document: Document): Promise<Buffer> {
  const compiler = (Packer as unknown as { compiler: Compiler }).compiler;
  const parts = compiler.compile(document);
  return zip([...parts].map(([name, data]) => ({ name, content: bytesOf(data) })));
}

const bytesOf = (data: string | ArrayBufferView | ArrayBuffer): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/**
 * The entries as one ZIP archive, in their order, each deflated at level 6, made by archiver (loaded on the
 * first archive, not at start). A DOCX and the agreements' archive download are both made with it.
 */
export async function zip(entries: { name: string; content: Uint8Array }[]): Promise<Buffer> {
  const { ZipArchive } = await import('archiver');
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    archive.on('end', resolve);
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  try {
    for (const entry of entries) archive.append(Buffer.from(entry.content), { name: entry.name });
    await archive.finalize();
    await finished;
  } catch (error) {
    archive.abort();
    throw error;
  }
  return Buffer.concat(chunks);
}
