/**
 * Checks a running Partnerskap server as a newcomer would find it after `npm start`: it answers
 * /api/health, holds the demo county's 12 regions, and the demo admin can sign in.
 *
 *   node .ci/check-server.mjs http://127.0.0.1:3000 [password] [seconds to wait]
 *
 * Plain JavaScript with no dependencies, so that it runs beside a production install (no dev dependencies)
 * and on any Node.js version under test. Prints one line per check; exits 1 on the first that fails.
 */
const [base, password = 'demo-partnerskap', wait = '120'] = process.argv.slice(2);
if (!base) {
  console.error('usage: node .ci/check-server.mjs <base url> [password] [seconds to wait]');
  process.exit(2);
}

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

async function waitForHealth() {
  const until = Date.now() + Number(wait) * 1000;
  let last = 'no answer';
  while (Date.now() < until) {
    try {
      const res = await fetch(`${base}/api/health`);
      const body = await res.json();
      if (res.status === 200 && body.status === 'ok') return body;
      last = `${res.status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = String(error.cause?.code ?? error.message);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`/api/health did not answer ok within ${wait} s (last: ${last})`);
}

const health = await waitForHealth();
console.log(`ok: /api/health answers (${health.database.engine} ${health.database.version})`);

const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: base },
  body: JSON.stringify({ email: 'admin@demo.partnerskap.no', password }),
});
if (login.status !== 200) fail(`the demo admin cannot sign in: ${login.status} ${await login.text()}`);
const me = await login.json();
if (me.role !== 'admin') fail(`the demo admin signed in with the role ${me.role}`);
const session = login.headers.getSetCookie().find((c) => c.startsWith('partnerskap_session='));
if (!session) fail('signing in set no session cookie');
console.log(`ok: the demo admin signs in (${me.email})`);

const cookie = session.split(';')[0];
const names = [];
let cursor = null;
do {
  const url = new URL('/api/v1/regions', base);
  if (cursor) url.searchParams.set('cursor', cursor);
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) fail(`GET /api/v1/regions: ${res.status} ${await res.text()}`);
  const page = await res.json();
  names.push(...page.items.map((r) => r.name));
  cursor = page.nextCursor;
} while (cursor);
if (names.length !== 12) fail(`the demo should have 12 regions, found ${names.length}: ${names.join(', ')}`);
if (!names.includes('Indre Østfold regionråd')) fail('Indre Østfold regionråd is not among the regions');
console.log('ok: the demo county has its 12 regions');

// Documents are made in worker threads (src/server/documents/render-pool.ts): the built server must find
// its worker entry, and a PDF and a DOCX come back whole.
const cyclesRes = await fetch(new URL('/api/v1/cycles', base), { headers: { cookie } });
if (cyclesRes.status !== 200) fail(`GET /api/v1/cycles: ${cyclesRes.status}`);
const cycles = await cyclesRes.json();
const [cycle] = Array.isArray(cycles) ? cycles : cycles.items;
if (!cycle) fail('the demo has no cycle');
const agreementsRes = await fetch(new URL(`/api/v1/agreements?cycle=${cycle.id}`, base), { headers: { cookie } });
if (agreementsRes.status !== 200) fail(`GET /api/v1/agreements: ${agreementsRes.status}`);
const [agreement] = (await agreementsRes.json()).items;
if (!agreement) fail('the demo has no agreement to print');
for (const [format, magic] of [
  ['pdf', '%PDF-'],
  ['docx', 'PK'],
]) {
  const res = await fetch(new URL(`/api/v1/agreements/${agreement.id}/document?format=${format}`, base), {
    headers: { cookie },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200 || !bytes.subarray(0, magic.length).equals(Buffer.from(magic))) {
    fail(`the agreement's ${format.toUpperCase()}: ${res.status} ${bytes.subarray(0, 200).toString()}`);
  }
  console.log(`ok: an agreement's ${format.toUpperCase()} is made (${bytes.length} bytes)`);
}
