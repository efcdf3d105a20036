import { max } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/server/audit/audit.table.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * No input answers 5xx, and no refused request writes. Every operation the OpenAPI document publishes is
 * called with generated path ids, query strings and bodies shaped by its own schema, most of them close to
 * valid with a bad value somewhere (a NUL character, half a character, a year 0000, a number too large, a
 * wrong type, a field missing or unknown), some of them anything at all; as the coordinator and as a
 * department's editor. The audit trail's highest id is read after each call: a call answered 4xx must
 * leave it where it was.
 *
 * `FUZZ_RUNS` sets the number of calls (10,000 here, more for the bench), `FUZZ_SEED` the seed; a failure
 * names the seed, so a run can be repeated exactly.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 20_250_601);

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
};
type Parameter = { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema };
type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
  upload: boolean;
};
type Call = {
  op: Operation;
  caller: 'admin' | 'department';
  params: Record<string, string>;
  query: [string, string][];
  payload?: string | Buffer;
  contentType?: string;
  language: string;
};

// ---- Values: the ones that broke things, and the ones near them ----

/** Any UTF-16 code unit, lone surrogates included: what a broken client or an attacker can send. */
const anyCodeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
const nastyStrings = fc.constantFrom(
  '\u0000',
  'Moss\u0000',
  '\uD800',
  'Moss \uDBFF',
  '\uDC00x',
  '\uDFFF\uD800',
  '',
  '   ',
  '\t\r\n',
  '%',
  '_',
  '\\',
  "'; drop table users; --",
  '=HYPERLINK("http://x")',
  '＝1+1',
  '@SUM(A1)',
  '\u202Egnp.exe',
  '😀'.repeat(300),
  'x'.repeat(5_000),
  'ø'.repeat(20_000),
  '0000-01-01',
  '9999-12-31',
  '-1',
  '1e309',
  'null',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
);
const badString = fc.oneof(nastyStrings, anyCodeUnits, fc.string({ unit: 'binary', maxLength: 30 }));
const badNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, -0.0001, 2 ** 31, 2 ** 53, 1e21, 1e308, -1e308, 4.9e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const dates = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map(day),
  fc.constantFrom(
    '0000-01-01',
    '0001-01-01',
    '1899-12-31',
    '1900-01-01',
    '2200-12-31',
    '2201-01-01',
    '9999-12-31',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
  ),
);
const dateTimes = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  dates.map((d) => `${d}T10:00:00+01:00`),
  fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-06-01T25:00:00Z', '2024-06-01'),
);
const anything: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: badString, weight: 4 },
  { arbitrary: badNumber, weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { type: 'doc' }), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A value for a JSON schema: mostly of its shape, often with something bad at a leaf. */
function arbitraryFor(schema: JsonSchema, ctx: Shapes, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: shaped(schema, ctx, depth), weight: 7 },
    { arbitrary: anything, weight: depth === 0 ? 1 : 2 },
  );
}

/** The document's named schemas, and the ids of things that exist: all of them, and by kind (`regions`). */
type Shapes = { components: Record<string, JsonSchema>; ids: string[]; byKind: Map<string, string[]> };

/** The kind an id field names: `subjectAreaId` → `subject-areas`, `personId` → `people`. */
function kindOf(name: string): string {
  const stem = name.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  if (stem === 'person') return 'people';
  if (stem.endsWith('y')) return `${stem.slice(0, -1)}ies`;
  return stem.endsWith('s') ? stem : `${stem}s`;
}

function shaped(schema: JsonSchema, ctx: Shapes, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    const target = ctx.components[name];
    return target && depth < 6 ? shaped(target, ctx, depth + 1) : anything;
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, ctx, depth + 1)));
  if (schema.allOf) return shaped(Object.assign({}, ...schema.allOf), ctx, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.oneof({ arbitrary: fc.constantFrom(...schema.enum), weight: 5 }, badString);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema, ctx);
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? -1000, -1000);
      const maxValue = Math.min(schema.maximum ?? 1000, 1000);
      const near = min <= maxValue ? fc.integer({ min, max: maxValue }) : fc.integer();
      return fc.oneof({ arbitrary: near, weight: 4 }, fc.integer({ min: 1, max: 4 }), badNumber);
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = schema.items ? arbitraryFor(schema.items, ctx, depth + 1) : anything;
      return fc.array(item, { maxLength: depth > 3 ? 1 : 3 });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const shapes = Object.fromEntries(
        Object.entries(properties).map(([k, s]) => [k, arbitraryFor(s, ctx, depth + 1)]),
      );
      const required = schema.required ?? [];
      return fc
        .tuple(
          fc.oneof(
            fc.record(shapes, { requiredKeys: required.filter((k) => k in shapes) }),
            fc.record(shapes, { requiredKeys: [] }),
          ),
          fc.option(fc.dictionary(badString, anything, { maxKeys: 2 }), { freq: 8 }),
        )
        .map(([known, unknown]) => ({ ...(unknown ?? {}), ...(known as object) }));
    }
    default:
      return anything;
  }
}

function stringFor(schema: JsonSchema, ctx: Shapes, name = ''): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fittingString(schema, ctx, name), weight: 3 },
    { arbitrary: badString, weight: 2 },
  );
}

/** A string as the schema wants it (as far as a pattern can be followed), an id of a thing that exists. */
function fittingString(schema: JsonSchema, ctx: Shapes, name = ''): fc.Arbitrary<string> {
  const pattern = schema.pattern ?? '';
  let fitting: fc.Arbitrary<string>;
  if (schema.format === 'uuid') fitting = idValues(ctx, kindOf(name));
  else if (schema.format === 'date-time') fitting = dateTimes;
  else if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) fitting = dates;
  else if (schema.format === 'email' || pattern.includes('@'))
    fitting = fc.oneof(fc.emailAddress(), fc.constant('admin@demo.partnerskap.no'));
  else if (pattern === '^\\d{4}$')
    fitting = fc.integer({ min: 0, max: 9999 }).map((n) => `${n}`.padStart(4, '0'));
  else if (pattern === '^\\d{2}$')
    fitting = fc.integer({ min: 0, max: 99 }).map((n) => `${n}`.padStart(2, '0'));
  else if (pattern) fitting = fc.stringMatching(new RegExp(pattern), { maxLength: 40 });
  else {
    const maxLength = Math.min(schema.maxLength ?? 60, 60);
    fitting = fc.oneof(
      fc.string({ minLength: 1, maxLength }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength }),
      fc.constantFrom('Moss', 'Samferdsel', 'Indre Østfold', 'æøå ÆØÅ'),
    );
  }
  return fitting;
}

/**
 * A value the schema accepts, as far as a generator can tell: the base that one bad leaf is put into, so
 * that the bad value is what the server meets, not an error elsewhere in the body.
 */
function fitting(schema: JsonSchema, ctx: Shapes, depth: number, name = ''): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = ctx.components[schema.$ref.split('/').pop() ?? ''];
    return target && depth < 6 ? fitting(target, ctx, depth + 1, name) : fc.constant(null);
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const usable = depth < 5 ? alternatives : alternatives.filter((a) => !a.$ref && a.type !== 'array');
    return fc.oneof(
      ...(usable.length > 0 ? usable : alternatives.slice(0, 1)).map((a) => fitting(a, ctx, depth + 1, name)),
    );
  }
  if (schema.allOf) return fitting(Object.assign({}, ...schema.allOf), ctx, depth, name);
  // A page's cursor is the server's own; a made-up one is refused before anything else is looked at.
  if (name === 'cursor') return fc.constant(undefined);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'string':
      return fittingString(schema, ctx, name);
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? 0, -1000);
      const maxValue = Math.min(schema.maximum ?? 100, 1000);
      return name === 'version'
        ? fc.integer({ min: 1, max: 3 })
        : fc.integer({ min, max: Math.max(min, maxValue) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = Math.min((schema as { minItems?: number }).minItems ?? 0, 2);
      const item = schema.items
        ? fitting(schema.items, ctx, depth + 1, name.replace(/s$/, ''))
        : fc.constant(null);
      return fc.array(item, { minLength, maxLength: Math.max(minLength, depth > 3 ? 1 : 2) });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const shapes = Object.fromEntries(
        Object.entries(properties).map(([k, s]) => [k, fitting(s, ctx, depth + 1, k)]),
      );
      return fc.record(shapes, { requiredKeys: (schema.required ?? []).filter((k) => k in shapes) });
    }
    default:
      return fc.constant(null);
  }
}

/** A leaf made bad in the ways that once answered 500: NUL, half a character, year 0000, a huge number. */
function spoiled(leaf: unknown, pick: number): unknown {
  if (typeof leaf === 'string') {
    const options = [
      `${leaf}\u0000`,
      `\uD800${leaf}`,
      `${leaf.slice(0, 1)}\uDFFF${leaf.slice(1)}`,
      ...(/^\d{4}-/.test(leaf)
        ? [`0000${leaf.slice(4)}`, `9999${leaf.slice(4)}`, `1800${leaf.slice(4)}`]
        : []),
      'x'.repeat(30_000),
    ];
    return options[pick % options.length];
  }
  if (typeof leaf === 'number') return [1e308, -1e308, 2 ** 53, 2 ** 31, -1, 0.5][pick % 6];
  return ['\u0000', '\uD800', null, 1e308][pick % 4];
}

/** The value with one of its leaves (a string, number, boolean or null anywhere inside) spoiled. */
function withOneBadLeaf(value: unknown, which: number, pick: number): unknown {
  let count = 0;
  const leaves = (v: unknown): number =>
    v !== null && typeof v === 'object' ? Object.values(v).reduce((n: number, c) => n + leaves(c), 0) : 1;
  const target = which % Math.max(1, leaves(value));
  const replace = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(replace);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, replace(c)]));
    return count++ === target ? spoiled(v, pick) : v;
  };
  return replace(value);
}

/** Mostly of the schema's shape with one bad leaf, sometimes fit as it is, sometimes anything. */
function bodyFor(schema: JsonSchema, ctx: Shapes): fc.Arbitrary<unknown> {
  const fit = fitting(schema, ctx, 0);
  return fc.oneof(
    { arbitrary: fc.tuple(fit, fc.nat(), fc.nat()).map(([v, w, p]) => withOneBadLeaf(v, w, p)), weight: 5 },
    { arbitrary: fit, weight: 2 },
    { arbitrary: arbitraryFor(schema, ctx, 0), weight: 3 },
  );
}

function idValues(ctx: Shapes, ...kinds: string[]): fc.Arbitrary<string> {
  const typed = kinds.flatMap((k) => ctx.byKind.get(k) ?? []);
  return fc.oneof(
    ...(typed.length > 0 ? [{ arbitrary: fc.constantFrom(...typed), weight: 12 }] : []),
    { arbitrary: fc.constantFrom(...ctx.ids), weight: 3 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-an-id', '1'), weight: 1 },
  );
}

/** Percent-encodes anything, a lone surrogate as the bytes a careless encoder writes (not UTF-8). */
function encode(value: string): string {
  return [...value]
    .map((c) => {
      const unit = c.charCodeAt(0);
      if (c.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
        const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
        return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      }
      return encodeURIComponent(c);
    })
    .join('');
}

function callsFor(operations: Operation[], shapes: Shapes): fc.Arbitrary<Call> {
  // A document (DOCX, PDF, XLSX), applying the milestone template to every agreement and a sign-in (a
  // password hash) take ten to a hundred times a plain call on PGlite, so these are called an eighth as
  // often as the rest; their input is checked the same way.
  const slow = (op: Operation) =>
    /\/(document|summary|status-report|export|apply)$/.test(op.path) || op.path === '/api/v1/auth/login';
  const quick = operations.filter((op) => !slow(op));
  const slowOnes = operations.filter(slow);
  const pick = fc.oneof(
    { arbitrary: fc.constantFrom(...quick), weight: 8 * quick.length },
    { arbitrary: fc.constantFrom(...slowOnes), weight: slowOnes.length },
  );
  // Each operation's arbitrary is built once: building one walks its schemas, which costs more than a call.
  const built = new Map<Operation, fc.Arbitrary<Call>>();
  return pick.chain((op) => {
    const known = built.get(op);
    if (known) return known;
    const made = callFor(op, shapes);
    built.set(op, made);
    return made;
  });
}

function callFor(op: Operation, shapes: Shapes): fc.Arbitrary<Call> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const params = fc.record(
    Object.fromEntries(
      pathParams.map((p) => {
        const before = op.path.split(`/{${p.name}}`)[0]?.split('/').pop() ?? '';
        const ids = idValues(shapes, before, kindOf(p.name));
        return [
          p.name,
          p.schema.format === 'uuid'
            ? fc.oneof({ arbitrary: ids, weight: 12 }, badString)
            : stringFor(p.schema, shapes),
        ];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = fc
    .tuple(
      fc.oneof(
        fc.record(Object.fromEntries(queryParams.map((p) => [p.name, arbitraryFor(p.schema, shapes, 1)])), {
          requiredKeys: [],
        }),
        fc
          .tuple(
            fc.record(
              Object.fromEntries(queryParams.map((p) => [p.name, fitting(p.schema, shapes, 1, p.name)])),
              {
                requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
              },
            ),
            fc.nat(),
            fc.nat(),
            fc.boolean(),
          )
          .map(([v, w, p, spoil]) => (spoil ? withOneBadLeaf(v, w, p) : v) as Record<string, unknown>),
      ),
      fc.option(fc.tuple(badString, badString), { freq: 10 }),
    )
    .map(([known, extra]) => {
      const pairs: [string, string][] = Object.entries(known).flatMap(([k, v]) =>
        (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x): [string, string] => [
          k,
          typeof x === 'string' ? x : (JSON.stringify(x) ?? ''),
        ]),
      );
      return extra ? [...pairs, extra] : pairs;
    });
  const payload: fc.Arbitrary<{ payload?: string | Buffer; contentType?: string }> = op.upload
    ? fc.record({
        payload: fc.oneof(
          fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
          fc.constantFrom(
            Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
            Buffer.from('PK\u0003\u0004'),
          ),
        ),
        contentType: fc.constantFrom(
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/json',
        ),
      })
    : op.body
      ? fc.oneof(
          {
            arbitrary: bodyFor(op.body, shapes).map((v) => ({
              payload: JSON.stringify(v) ?? 'null',
            })),
            weight: 12,
          },
          {
            arbitrary: fc
              .constantFrom('{"a":', '[[[[[[', '\u0000', '{"name":"\\ud800"}', '{"__proto__":{"x":1}}')
              .map((p) => ({ payload: p })),
            weight: 1,
          },
        )
      : fc.oneof(
          { arbitrary: fc.constant({}), weight: 3 },
          { arbitrary: anything.map((v) => ({ payload: JSON.stringify(v) ?? 'null' })), weight: 1 },
        );
  return fc
    .record({
      op: fc.constant(op),
      caller: fc.constantFrom('admin' as const, 'department' as const),
      params,
      query,
      body: payload,
      language: fc.constantFrom('nb', 'nn', 'en', 'xx', '\u0000'),
    })
    .map(({ body, ...rest }) => ({ ...rest, ...body }));
}

// ---- The run ----

let t: TestApp;
let operations: Operation[];
let shapes: Shapes;
const cookies: Record<Call['caller'], string> = { admin: '', department: '' };
const emails: Record<Call['caller'], string> = {
  admin: 'admin@demo.partnerskap.no',
  department: 'samferdsel@demo.partnerskap.no',
};

beforeAll(async () => {
  t = await startTestApp();
  cookies.admin = await t.cookieFor(emails.admin);
  cookies.department = await t.cookieFor(emails.department);
  const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
      >
    >;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => methods.has(m))
      // Signing out would end the callers' sessions; its refusals are walked in test/http.test.ts.
      .filter(([m]) => !(m === 'post' && path === '/api/v1/auth/logout'))
      .map(([m, o]) => ({
        method: m.toUpperCase() as Operation['method'],
        path,
        parameters: o.parameters ?? [],
        body: o.requestBody?.content['application/json']?.schema,
        upload: m === 'post' && path.endsWith('/attachments'),
      })),
  );
  shapes = { components: doc.components?.schemas ?? {}, ...(await knownIds()) };
}, 120_000);
afterAll(async () => t?.close());

/**
 * Ids of things that exist, by kind, so that calls get past "not found" to the use cases: every id in the
 * answers of the reads without a path, then of the reads of those ids, twice. An `id` is of the kind the
 * read lists (`/regions` → `regions`) or the key it is under names (`region: { id }`); `fooId` of `foos`.
 * The two callers' own user ids are left out, so that the run never deactivates them or changes their
 * passwords.
 */
async function knownIds(): Promise<{ ids: string[]; byKind: Map<string, string[]> }> {
  const byKind = new Map<string, Set<string>>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const add = (kind: string, id: string) => byKind.set(kind, (byKind.get(kind) ?? new Set()).add(id));
  const walk = (value: unknown, kind: string) => {
    if (Array.isArray(value)) for (const v of value) walk(v, kind);
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' && uuid.test(v)) add(k === 'id' ? kind : kindOf(k), v);
        else walk(v, k === 'items' ? kind : kindOf(k));
      }
    }
  };
  const reads = operations.filter((op) => op.method === 'GET' && !op.path.includes('{token}'));
  const collect = async (path: string) => {
    const res = await t.request({ method: 'GET', url: path, cookie: cookies.admin });
    if (res.statusCode === 200 && String(res.headers['content-type'] ?? '').includes('json')) {
      walk(
        res.json(),
        path
          .split('/')
          .filter((s) => !uuid.test(s))
          .pop() ?? '',
      );
    }
  };
  for (const op of reads.filter((o) => !o.path.includes('{'))) await collect(op.path);
  for (let round = 0; round < 2; round++) {
    for (const op of reads.filter((o) => /^[^{]*\{id\}[^{]*$/.test(o.path))) {
      const kind = op.path.split('/{id}')[0]?.split('/').pop() ?? '';
      for (const id of [...(byKind.get(kind) ?? [])].slice(round * 3, round * 3 + 3)) {
        await collect(op.path.replace('{id}', id));
      }
    }
  }
  const me = async (cookie: string) =>
    ((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).json() as { id: string }).id;
  const callers = new Set([await me(cookies.admin), await me(cookies.department)]);
  const kinds = new Map([...byKind].map(([k, ids]) => [k, [...ids].filter((id) => !callers.has(id))]));
  const all = [...new Set([...kinds.values()].flat())];
  return { ids: all.length > 0 ? all : ['00000000-0000-0000-0000-000000000000'], byKind: kinds };
}

const highestAuditId = async () =>
  (await t.database.db.select({ id: max(auditEvents.id) }).from(auditEvents))[0]?.id ?? 0;

describe('generated input', () => {
  it(`answers ${runs} generated calls on every operation without a 5xx, and refused calls write nothing`, async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let calls = 0;
    const started = performance.now();
    const perOp = new Map<string, Record<number, number>>();
    let stamp = await highestAuditId();
    await fc.assert(
      fc.asyncProperty(callsFor(operations, shapes), async (call) => {
        const path = call.op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
          encode(call.params[name] ?? ''),
        );
        const query = call.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
        const url = query ? `${path}?${query}` : path;
        const callStarted = performance.now();
        const res = await t.request({
          method: call.op.method,
          url,
          cookie: cookies[call.caller],
          headers: {
            'accept-language': call.language,
            ...(call.payload !== undefined ? { 'content-type': call.contentType ?? 'application/json' } : {}),
          },
          ...(call.payload !== undefined ? { payload: call.payload } : {}),
        });
        calls++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (process.env.FUZZ_DEBUG) {
          const key = `${call.op.method} ${call.op.path} ${call.caller}`;
          const row = perOp.get(key) ?? {};
          row[res.statusCode] = (row[res.statusCode] ?? 0) + 1;
          row[0] = (row[0] ?? 0) + Math.round(performance.now() - callStarted);
          perOp.set(key, row);
        }
        const after = await highestAuditId();
        const what = () =>
          `${call.op.method} ${url.slice(0, 300)} as ${call.caller} ${typeof call.payload === 'string' ? call.payload.slice(0, 300) : ''}`;
        if (res.statusCode >= 500) failures.push(`${res.statusCode} ${what()} → ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 400 && after !== stamp)
          failures.push(`${res.statusCode} wrote to the audit trail: ${what()}`);
        stamp = after;
        // A call that signs a caller out or takes their session (a password change) is followed by a new one.
        if (res.statusCode === 401) {
          cookies[call.caller] = await freshCookie(call.caller);
          stamp = await highestAuditId();
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    const counts = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
    if (process.env.FUZZ_DEBUG) {
      // Per operation and caller: the statuses, and under 0 the milliseconds its calls took in all.
      for (const [k, v] of [...perOp].sort()) console.info(k, JSON.stringify(v));
    }
    console.info(
      `fuzz: ${calls} calls in ${Math.round(performance.now() - started)} ms, seed ${seed}, statuses ${JSON.stringify(counts)}`,
    );
    expect(failures.slice(0, 30), `seed ${seed}; statuses ${JSON.stringify(counts)}`).toEqual([]);
    expect(calls).toBe(runs);
    // The run must reach the use cases, not stop at the door: some calls succeed, some are refused.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(runs / 10);
  }, 600_000);
});

async function freshCookie(caller: Call['caller']): Promise<string> {
  const res = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: cookies[caller] });
  if (res.statusCode === 200) return cookies[caller];
  const login = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: emails[caller], password: 'test-passord-123' },
  });
  const session = login.cookies.find((c) => c.name === 'partnerskap_session');
  return session ? `partnerskap_session=${session.value}` : cookies[caller];
}
