import { createHash } from 'node:crypto';
import type { Request } from 'autocannon';
import { type Budget, type Fixtures, hearingPage } from './routes.js';

/**
 * Issue 15, item 6: a working day's mixed load, `BENCH_ROUTES=mixed`. 100 connections; of the requests they
 * send, two reads and then one write, over and over (every third request sent is a write, whichever
 * connection sends it, from the first on), as signed-in users of the roles that do them:
 *
 * reads, in turn: the agreements table's first page of the national cycle, the overview of all regions, one agreement's
 * contributions (a different region's each time), the 1,000-input hearing's overview, the regions list and
 * the start page's tasks of a department editor or a region contact;
 *
 * writes, in turn: a comment on a contribution of the national cycle, a department editor changing the
 * text of one of their department's contributions, a region contact saving their region's input to an open
 * hearing, a user's language preference, a region contact's note on one of their region's milestones.
 *
 * The three versioned writes send the version they last got back, and cannot conflict: each entity is a
 * slot that one request holds at a time (`SlotPool`), and the answer's version goes back with the slot; an
 * entity whose write failed or was cut off is not written again. The
 * national cycle's agreements are in force, and their contributions can no longer change (409), so the
 * setup makes what the versioned writes change through the API, as the coordinator and the users would: a
 * cycle of its own with an approved general part, agreements for the mix's regions with their milestones,
 * each department's contributions in them, and a hearing open for those regions, on the draft version of the
 * hearing cycle's general part, with an input from each. It runs after every other route, as it writes.
 */

export const mixedBudget: Budget = { p95Ms: 250, minRatio: 0.25 };
export const mixedConnections = 100;
export const mixedRouteName = `mixed load: 2 reads : 1 write, ${mixedConnections} connections`;

/** How many region contacts, department editors and readers the mix signs in. */
export const mixedUsers = { regions: 24, departments: 7, viewers: 4 } as const;

/** The requests sent, over all connections, repeat this: two reads, then one write. */
export const mixSequence = ['read', 'read', 'write'] as const;

export const readKinds = [
  'agreements',
  'overview',
  'contributions',
  'hearingOverview',
  'regions',
  'tasks',
] as const;
export type ReadKind = (typeof readKinds)[number];

export const writeKinds = ['comment', 'contribution', 'input', 'preference', 'milestone'] as const;
export type WriteKind = (typeof writeKinds)[number];
export type RequestKind = ReadKind | WriteKind;

/** A versioned entity one user writes, with the version the server last answered. */
export type Slot = {
  id: string;
  cookie: string;
  version: number;
  /** Reads the entity's version as the server has it now. */
  refresh: () => Promise<number>;
};

/**
 * The entities of one versioned write. A request takes a slot and the answer gives it back with its new
 * version, so no two requests write the same entity at once and each sends the version it was given. A slot
 * whose write failed, or whose answer never came (it timed out, or the load stopped while it was in
 * flight), is not lent again: the server may still be writing it, and its version is then unknown.
 */
export class SlotPool {
  private readonly free: Slot[];
  private readonly held = new Set<Slot>();

  constructor(slots: readonly Slot[]) {
    this.free = [...slots];
  }

  /** Slots that can still be lent: free now or out with a request. */
  get size(): number {
    return this.free.length + this.held.size;
  }

  take(): Slot | undefined {
    const slot = this.free.pop();
    if (slot) this.held.add(slot);
    return slot;
  }

  /** Back after a write the server took, with the version it answered. */
  release(slot: Slot, version: number): void {
    if (!this.held.delete(slot)) return;
    slot.version = version;
    this.free.push(slot);
  }

  /** Gives up the slots still out, between runs: their answers will not come. */
  retireHeld(): number {
    const n = this.held.size;
    this.held.clear();
    return n;
  }
}

/**
 * The next write of the rotation that can be sent now: a versioned write whose entities are all being
 * written is skipped for the next kind; comments and preferences have no version and are always possible.
 */
export function nextWriteKind(turn: number, available: (kind: WriteKind) => boolean): WriteKind {
  for (let i = 0; i < writeKinds.length; i++) {
    const kind = writeKinds[(turn + i) % writeKinds.length] as WriteKind;
    if (available(kind)) return kind;
  }
  return 'comment';
}

/** Per kind of request: how many answered 2xx, which other statuses came, and the 2xx latencies. */
export type KindTally = { ok: number; latencies: number[]; otherStatuses: Map<number, number> };

export function emptyTallies(): Map<RequestKind, KindTally> {
  return new Map(
    [...readKinds, ...writeKinds].map((k) => [k, { ok: 0, latencies: [], otherStatuses: new Map() }]),
  );
}

/** The nearest-rank percentile of sorted latencies. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** One line per kind: requests, p95 and any status other than 2xx; the reads first. */
export function describeTallies(tallies: Map<RequestKind, KindTally>): string[] {
  return [...tallies].map(([kind, t]) => {
    const sorted = Float64Array.from(t.latencies).sort();
    const others = [...t.otherStatuses].map(([status, n]) => `${n}× HTTP ${status}`).join(', ');
    const p95 = sorted.length === 0 ? '–' : `${nearestRank(sorted, 95).toFixed(1)} ms`;
    const kindName = (readKinds as readonly string[]).includes(kind) ? `read ${kind}` : `write ${kind}`;
    return `${kindName}: ${t.ok} × 2xx, p95 ${p95}${others ? `, ${others}` : ''}`;
  });
}

/**
 * A stable id as the dataset makes them (bench/dataset.ts `uid`): md5 of the key, with the version and
 * variant digits set.
 */
export function datasetUid(key: string): string {
  const hex = createHash('md5').update(key).digest('hex').split('');
  hex[12] = '4';
  hex[16] = '8';
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const pad = (n: number) => String(n).padStart(4, '0');
const regionEmail = (r: number) => `region-${pad(r)}@bench.partnerskap.no`;
const departmentEmail = (d: number) => `avdeling-${pad(d)}@bench.partnerskap.no`;
const viewerEmail = (v: number) => `leser-${pad(v)}@bench.partnerskap.no`;

/** What the mix needs of the benchmark: the server, signing in, and the dataset's ids. */
export type MixedContext = {
  origin: string;
  adminCookie: string;
  signIn(email: string): Promise<string>;
  fixtures: Fixtures;
};

export type MixedScenario = {
  /** The autocannon requests array: each connection sends them in order, round and round. */
  requests: Request[];
  tallies: Map<RequestKind, KindTally>;
  /** The kind of the request whose answer autocannon reports next (set by its onResponse). */
  answered(): RequestKind | null;
  /** Gives up the entities whose write failed or was cut off; says how many, in all runs so far. */
  retireHeld(): number;
  /** The rows the writes landed in, counted through the API, to compare before and after a run. */
  countWrites(): Promise<{ comments: number; contributionVersions: number; inputVersions: number }>;
  /** What the setup made, for the report. */
  summary: string;
};

type Api = <T>(cookie: string, method: string, path: string, body?: unknown) => Promise<T>;

function apiOf(origin: string): Api {
  return async <T>(cookie: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        cookie,
        accept: 'application/json',
        origin,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status < 200 || response.status > 299)
      throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return (text === '' ? null : JSON.parse(text)) as T;
  };
}

type Versioned = { id: string; version: number };
type MilestonesAnswer = { milestones: (Versioned & { stage: string; canEdit: boolean })[] };
type ContributionListAnswer = { items: (Versioned & { owner: { type: string } })[] };

/** ISO date `days` from today (UTC). */
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Signs the mix's users in and makes what its writes change (see the module's comment). */
export async function setUpMixedLoad(ctx: MixedContext): Promise<MixedScenario> {
  const api = apiOf(ctx.origin);
  const { origin, adminCookie, fixtures } = ctx;
  const regionNumbers = Array.from({ length: mixedUsers.regions }, (_, i) => i + 1);
  const departmentNumbers = Array.from({ length: mixedUsers.departments }, (_, i) => i + 1);
  const regions: { r: number; id: string; cookie: string }[] = [];
  for (const r of regionNumbers)
    regions.push({ r, id: datasetUid(`region-${r}`), cookie: await ctx.signIn(regionEmail(r)) });
  const departments: { d: number; id: string; cookie: string }[] = [];
  for (const d of departmentNumbers)
    departments.push({ d, id: datasetUid(`department-${d}`), cookie: await ctx.signIn(departmentEmail(d)) });
  const viewers: string[] = [];
  for (let v = 1; v <= mixedUsers.viewers; v++) viewers.push(await ctx.signIn(viewerEmail(v)));

  // A cycle whose agreements are not in force yet: its contributions can still change.
  const cycle = await api<{ id: string }>(adminCookie, 'POST', '/api/v1/cycles', {
    name: `Blandet last ${new Date().toISOString()}`,
    periodFrom: '2033-01-01',
    periodTo: '2036-12-31',
    status: 'active',
  });
  const generalPart = await api<{ versions: (Versioned & { state: string })[] }>(
    adminCookie,
    'GET',
    `/api/v1/cycles/${cycle.id}/general-part`,
  );
  const draft = generalPart.versions.find((v) => v.state === 'draft');
  if (!draft) throw new Error('the new cycle has no draft general part');
  // Its required sections are empty: a version is approved only with each of them written.
  const sections = await api<{ sections: { key: string; title: string }[] }>(
    adminCookie,
    'GET',
    `/api/v1/general-part-versions/${draft.id}`,
  );
  const written = await api<Versioned>(
    adminCookie,
    'PUT',
    `/api/v1/general-part-versions/${draft.id}/sections`,
    {
      version: draft.version,
      sections: sections.sections.map((s) => ({
        key: s.key,
        title: s.title,
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `${s.title} for perioden.` }] }],
        },
      })),
    },
  );
  await api(adminCookie, 'POST', `/api/v1/general-part-versions/${draft.id}/approve`, {
    date: isoDay(0),
    body: 'Fylkesrådet',
    caseNumber: '1/33',
    decisionText: 'Fylkesrådet godkjenner generell del.',
    version: written.version,
  });
  const agreements = await api<{ id: string; region: { id: string } }[]>(
    adminCookie,
    'POST',
    '/api/v1/agreements',
    {
      cycleId: cycle.id,
      regionIds: regions.map((r) => r.id),
    },
  );
  const agreementOf = new Map(agreements.map((a) => [a.region.id, a.id]));
  const areas = await api<{ items: { id: string }[] }>(
    adminCookie,
    'GET',
    `/api/v1/cycles/${cycle.id}/subject-areas`,
  );
  if (areas.items.length === 0) throw new Error('the new cycle has no subject areas');

  // Each department's contribution in each of the new agreements, made by the department's editor.
  const contributionSlots: Slot[] = [];
  for (const department of departments) {
    for (const [i, region] of regions.entries()) {
      const agreementId = agreementOf.get(region.id);
      if (!agreementId) throw new Error(`no agreement was made for region ${region.r}`);
      const made = await api<Versioned>(
        department.cookie,
        'POST',
        `/api/v1/agreements/${agreementId}/contributions`,
        {
          subjectAreaId: areas.items[(department.d + i) % areas.items.length]?.id,
          kind: 'measure',
          owner: { type: 'department', departmentId: department.id },
          title: `Tiltak fra avdeling ${department.d}`,
          description: 'Første utkast.',
        },
      );
      contributionSlots.push({
        id: made.id,
        cookie: department.cookie,
        version: made.version,
        refresh: async () =>
          (await api<Versioned>(department.cookie, 'GET', `/api/v1/contributions/${made.id}`)).version,
      });
    }
  }

  // The region contacts' own milestones (the region's internal work) in the new agreements.
  const milestoneSlots: Slot[] = [];
  for (const region of regions) {
    const agreementId = agreementOf.get(region.id) ?? '';
    const path = `/api/v1/agreements/${agreementId}/milestones`;
    const answer = await api<MilestonesAnswer>(region.cookie, 'GET', path);
    for (const m of answer.milestones.filter((m) => m.stage === 'region_internal' && m.canEdit)) {
      milestoneSlots.push({
        id: m.id,
        cookie: region.cookie,
        version: m.version,
        refresh: async () => {
          const now = await api<MilestonesAnswer>(region.cookie, 'GET', path);
          const found = now.milestones.find((x) => x.id === m.id);
          if (!found) throw new Error(`milestone ${m.id} is gone`);
          return found.version;
        },
      });
    }
  }

  // A hearing open for the mix's regions, on the hearing cycle's draft version, and each region's input.
  const hearing = await api<{ id: string }>(adminCookie, 'POST', '/api/v1/hearings', {
    cycleId: datasetUid('cycle-1'),
    versionId: fixtures.compareTo,
    kind: 'informal',
    deadline: isoDay(30),
    invitedRegionIds: regions.map((r) => r.id),
    coverLetter: 'Innspill til neste versjon av generell del.',
  });
  const inputSlots: Slot[] = [];
  for (const region of regions) {
    const input = await api<Versioned>(region.cookie, 'POST', `/api/v1/hearings/${hearing.id}/inputs`, {
      text: 'Regionrådet gir innspill til generell del.',
    });
    inputSlots.push({
      id: input.id,
      cookie: region.cookie,
      version: input.version,
      refresh: async () => {
        const page = await api<{ items: Versioned[] }>(
          region.cookie,
          'GET',
          `/api/v1/hearings/${hearing.id}/inputs`,
        );
        const found = page.items.find((x) => x.id === input.id);
        if (!found) throw new Error(`input ${input.id} is gone`);
        return found.version;
      },
    });
  }

  // What the reads address and the comments go to: the national cycle's first agreements.
  const nationalAgreements = regionNumbers.map((r) => datasetUid(`matrix-agreement-${r}`));
  const commentTargets: string[] = [];
  for (const agreementId of nationalAgreements) {
    const list = await api<ContributionListAnswer>(
      adminCookie,
      'GET',
      `/api/v1/agreements/${agreementId}/contributions`,
    );
    commentTargets.push(...list.items.slice(0, 4).map((c) => c.id));
  }
  if (commentTargets.length === 0) throw new Error('the national cycle has no contributions to comment on');

  const pools = {
    contribution: new SlotPool(contributionSlots),
    input: new SlotPool(inputSlots),
    milestone: new SlotPool(milestoneSlots),
  };
  const everyone = [
    adminCookie,
    ...departments.map((d) => d.cookie),
    ...regions.map((r) => r.cookie),
    ...viewers,
  ];
  const taskReaders = [...departments.map((d) => d.cookie), ...regions.map((r) => r.cookie)];
  const cycleId = fixtures.matrixCycleId;
  const tallies = emptyTallies();
  let retired = 0;
  let readTurn = 0;
  let writeTurn = 0;
  let lastAnswered: RequestKind | null = null;

  const readHeaders = (cookie: string) => ({
    cookie,
    accept: 'application/json',
    'accept-encoding': 'gzip, deflate, br, zstd',
  });
  const writeHeaders = (cookie: string) => ({
    cookie,
    accept: 'application/json',
    'content-type': 'application/json',
    origin,
  });
  type Context = { kind?: RequestKind; slot?: Slot; pool?: SlotPool };

  /** The n-th read: its kind, path and the user who reads it. */
  const readOf = (n: number): { kind: ReadKind; path: string; cookie: string } => {
    const kind = readKinds[n % readKinds.length] as ReadKind;
    const at = <T>(list: readonly T[]) => list[Math.floor(n / readKinds.length) % list.length] as T;
    switch (kind) {
      case 'agreements':
        return {
          kind,
          path: `/api/v1/agreements?cycle=${cycleId}&sort=region&dir=asc&limit=100`,
          cookie: at(viewers),
        };
      case 'overview':
        return {
          kind,
          path: `/api/v1/overview?cycle=${cycleId}&sort=region&dir=asc&limit=100`,
          cookie: adminCookie,
        };
      case 'contributions':
        return {
          kind,
          path: `/api/v1/agreements/${at(nationalAgreements)}/contributions`,
          cookie: at(departments).cookie,
        };
      case 'hearingOverview':
        return { kind, path: hearingPage(fixtures, 'overview'), cookie: adminCookie };
      case 'regions':
        return { kind, path: '/api/v1/regions', cookie: at(viewers) };
      case 'tasks':
        return { kind, path: `/api/v1/my-tasks?cycle=${cycleId}`, cookie: at(taskReaders) };
    }
  };

  const read = (req: Request, context: Context): Request => {
    const { kind, path, cookie } = readOf(readTurn++);
    context.kind = kind;
    return { ...req, method: 'GET', path, headers: readHeaders(cookie), body: undefined };
  };

  // Each read once before the load, as the single routes are probed: it must answer, and how long it takes
  // alone tells a slow read from a slow mix.
  const probes: string[] = [];
  for (let n = 0; n < readKinds.length; n++) {
    const { kind, path, cookie } = readOf(n);
    const started = performance.now();
    await api(cookie, 'GET', path);
    probes.push(`${kind} ${(performance.now() - started).toFixed(0)} ms`);
  }

  const write = (req: Request, context: Context): Request => {
    const n = writeTurn++;
    const kind = nextWriteKind(n, (k) => {
      const pool = k === 'contribution' || k === 'input' || k === 'milestone' ? pools[k] : null;
      if (!pool) return true;
      const slot = pool.take();
      if (!slot) return false;
      context.slot = slot;
      context.pool = pool;
      return true;
    });
    context.kind = kind;
    const send = (
      method: 'POST' | 'PATCH' | 'PUT',
      path: string,
      cookie: string,
      body: unknown,
    ): Request => ({
      ...req,
      method,
      path,
      headers: writeHeaders(cookie),
      body: JSON.stringify(body),
    });
    const slot = context.slot;
    switch (kind) {
      case 'comment':
        return send(
          'POST',
          `/api/v1/contributions/${commentTargets[n % commentTargets.length]}/comments`,
          everyone[n % everyone.length] ?? adminCookie,
          {
            body: `Kommentar ${n}: vi ser på dette til neste møte.`,
          },
        );
      case 'preference':
        return send('PUT', '/api/v1/auth/me/preferences', viewers[n % viewers.length] ?? adminCookie, {
          locale: n % 2 === 0 ? 'nb' : 'nn',
        });
      case 'contribution':
        return send('PATCH', `/api/v1/contributions/${slot?.id}`, slot?.cookie ?? '', {
          description: `Revidert tekst ${n}: tiltaket gjennomføres i samarbeid med kommunene.`,
          version: slot?.version,
        });
      case 'input':
        return send('PATCH', `/api/v1/hearing-inputs/${slot?.id}`, slot?.cookie ?? '', {
          text: `Regionrådet gir innspill til generell del (utkast ${n}).`,
          version: slot?.version,
        });
      case 'milestone':
        return send('PATCH', `/api/v1/milestones/${slot?.id}`, slot?.cookie ?? '', {
          note: `Notat ${n}: avklart i regionrådets arbeidsutvalg.`,
          version: slot?.version,
        });
    }
  };

  const onResponse = (status: number, body: string, context: Context) => {
    const kind = context.kind ?? null;
    lastAnswered = kind;
    const { slot, pool } = context;
    context.slot = undefined;
    context.pool = undefined;
    if (!slot || !pool || status < 200 || status > 299) return;
    try {
      const answer = JSON.parse(body) as Versioned & MilestonesAnswer;
      const version =
        kind === 'milestone' ? answer.milestones.find((m) => m.id === slot.id)?.version : answer.version;
      if (typeof version === 'number') pool.release(slot, version);
    } catch {
      // Left held, and so not written again: its version is not known.
    }
  };

  // One request that each connection sends again and again, a read or a write by the turn of the sequence:
  // the hundred connections' first requests are already two thirds reads and one third writes.
  let turn = 0;
  const requests: Request[] = [
    {
      method: 'GET',
      path: '/api/health',
      setupRequest: (req: Request, context: Record<string, unknown>) =>
        mixSequence[turn++ % mixSequence.length] === 'read'
          ? read(req, context as Context)
          : write(req, context as Context),
      onResponse: (status: number, body: string, context: Record<string, unknown>) =>
        onResponse(status, body, context as Context),
    },
  ];

  const countWrites = async () => {
    let comments = 0;
    for (const id of commentTargets)
      comments += (
        await api<{ items: unknown[] }>(adminCookie, 'GET', `/api/v1/contributions/${id}/comments`)
      ).items.length;
    let contributionVersions = 0;
    for (const slot of contributionSlots) contributionVersions += await slot.refresh();
    let inputVersions = 0;
    for (const slot of inputSlots) inputVersions += await slot.refresh();
    return { comments, contributionVersions, inputVersions };
  };

  return {
    requests,
    tallies,
    answered: () => lastAnswered,
    retireHeld: () => {
      retired += pools.contribution.retireHeld() + pools.input.retireHeld() + pools.milestone.retireHeld();
      return retired;
    },
    countWrites,
    summary:
      `${everyone.length} users signed in (the admin, ${departments.length} department editors, ` +
      `${regions.length} region contacts, ${viewers.length} readers); ${contributionSlots.length} contributions, ` +
      `${milestoneSlots.length} milestones and ${inputSlots.length} hearing inputs to write, ` +
      `${commentTargets.length} contributions to comment on; each read alone before the load: ${probes.join(', ')}`,
  };
}
