import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isCachedValue } from '../read-cache.js';

/**
 * Answers made from a read cache (platform/read-cache.ts) are the same bytes for every request until the
 * next write, so the work of making them is done once and kept with the value: validating and serializing
 * (the route's zod schema, then JSON), and compressing for clients that accept it. For a page of regions or
 * a hearing's thousand inputs (a megabyte of JSON, a tenth of that compressed) that is most of what an
 * answer costs. Everything else is serialized per request as before and sent uncompressed: compressing a
 * megabyte costs ten milliseconds, too much to spend on every request.
 */

type Encoding = 'br' | 'gzip';

/** The encodings made so far of each cached body; a WeakMap, so they go when the cache drops the value. */
const encoded = new WeakMap<Buffer, Partial<Record<Encoding, Promise<Buffer>>>>();

/** Smaller answers are not worth a header and a dictionary. */
const minimumBytes = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Wraps the app's response serializer so that a value from a read cache is validated and serialized once
 * per route and kept with the value, instead of on every request. It is kept as UTF-8 bytes: Fastify sends
 * a Buffer as it is (reply.js `onSendEnd` takes a string or a Buffer), where a string of a megabyte would
 * be measured and encoded again on every send.
 */
export function serializeCachedValuesOnce<Route>(
  compile: (route: Route) => (data: unknown) => string,
): (route: Route) => (data: unknown) => string {
  return (route) => {
    const serialize = compile(route);
    const serialized = new WeakMap<object, Buffer>();
    return (data) => {
      if (typeof data !== 'object' || data === null || !isCachedValue(data)) return serialize(data);
      let bytes = serialized.get(data);
      if (bytes === undefined) {
        bytes = Buffer.from(serialize(data), 'utf8');
        serialized.set(data, bytes);
        encoded.set(bytes, {});
      }
      // Fastify's serializer type says string; what it does with the result takes a Buffer as well.
      return bytes as unknown as string;
    };
  };
}

/**
 * Marks a body its caller keeps and sends again unchanged (a calendar feed kept in a read cache), so that
 * `encodeCachedBody` compresses it once and keeps the result with it, as it does the read cache's JSON.
 */
export function keepEncodings(body: Buffer): Buffer {
  if (!encoded.has(body)) encoded.set(body, {});
  return body;
}

/**
 * The encoding to answer in, from the request's Accept-Encoding (RFC 9110 §12.5.3): brotli if accepted,
 * else gzip, else none. A coding with q=0 is refused; `*` stands for any coding not named.
 */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (coding: Encoding) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  // Brotli at quality 5: within a few per cent of its best on JSON, at a fraction of the time.
  return encoding === 'br'
    ? brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzip(body, { level: 6 });
}

/**
 * An onSend hook: a cached body goes out compressed when the client accepts it, from a copy compressed
 * once (off the event loop, in libuv's thread pool) and kept with the body.
 */
export async function encodeCachedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (!Buffer.isBuffer(payload)) return payload;
  const encodings = encoded.get(payload);
  if (!encodings || payload.length < minimumBytes) return payload;
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (!encoding) return payload;
  let pending = encodings[encoding];
  if (!pending) {
    pending = compress(payload, encoding);
    encodings[encoding] = pending;
  }
  try {
    const body = await pending;
    reply.header('content-encoding', encoding);
    return body;
  } catch (error) {
    // zlib failing is no reason to fail the answer: it goes out as it is, and the next one tries again.
    if (encodings[encoding] === pending) delete encodings[encoding];
    request.log.warn({ err: error, encoding }, 'compressing a cached answer failed');
    return payload;
  }
}
