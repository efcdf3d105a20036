import { createHash } from 'node:crypto';
import pg from 'pg';
import { thenCommit } from './before-commit.js';

/**
 * PostgreSQL parses and plans an unnamed statement every time it comes. For the queries the use cases send
 * over and over (a write's lock, its update, its answer), planning costs the database more than running
 * them: a third of its CPU under a working day's load, where most statements join four or five tables on
 * their keys. A statement sent under a name is parsed once per connection, and after a few runs PostgreSQL
 * keeps its plan when that plan is as good as one made for the values (`plan_cache_mode = auto`).
 *
 * So the pool's connections name their parameterized statements by a digest of the text: the same text
 * always gets the same name, on every connection. Only a text seen a second time gets a name (a text sent
 * once, such as a large import's insert, is not worth keeping), and at most `maxNames` texts in all, so
 * that neither this process nor a database connection keeps an unbounded number: the application has a
 * few hundred statements, and those sent most often are named first. A statement without parameters
 * (migrations, a whole script) goes as before.
 *
 * A pooler in transaction mode that does not carry prepared statements (PgBouncer before 1.21) cannot be
 * used with this; DATABASE_PREPARED_STATEMENTS=false turns it off.
 */

export type StatementNames = {
  /** The name for a statement's text, or undefined to send it unnamed. */
  nameOf(text: string): string | undefined;
  /** How many texts have a name. */
  readonly size: number;
};

/** The longest text named: longer ones are bulk statements, rarely sent twice the same. */
const maxNamedLength = 20_000;

export function statementNames(maxNames: number, maxCounted = maxNames * 2): StatementNames {
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  return {
    nameOf(text) {
      const known = names.get(text);
      if (known !== undefined || names.size >= maxNames || text.length > maxNamedLength) return known;
      if (!seen.has(text)) {
        // The texts seen once are forgotten together when there are too many, and counted again.
        if (seen.size >= maxCounted) seen.clear();
        seen.set(text, 1);
        return undefined;
      }
      seen.delete(text);
      const name = `p_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
      names.set(text, name);
      return name;
    },
    get size() {
      return names.size;
    },
  };
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown };

/** The config node-postgres is given, with a name when the statement has parameters and earns one. */
export function withName(names: StatementNames, config: unknown, values: unknown): unknown {
  if (typeof config !== 'object' || config === null) return config;
  const { text, name } = config as QueryConfig;
  const params = Array.isArray(values) ? values : (config as QueryConfig).values;
  if (typeof text !== 'string' || name !== undefined || !Array.isArray(params) || params.length === 0)
    return config;
  const named = names.nameOf(text);
  return named === undefined ? config : { ...config, name: named };
}

/** What node-postgres's connection offers a query object when it is sent (pg/lib/connection.js). */
type Wire = {
  parsedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
  parse(config: { text: string }): void;
  bind(config: { statement: string; values: unknown[] }): void;
  execute(config: { portal?: string; rows?: number }): void;
  sync(): void;
};

/** A statement's text and the name its connection prepared it under. */
type Prepared = { name: string; text: string };

/** A command's answer as node-postgres gives it, for one that goes with another statement. */
const answered = (command: string) => ({ command, rowCount: null, oid: null, rows: [], fields: [] });

const beginText = /^\s*begin\b/i;
const endText = /^\s*(commit|rollback)\s*$/i;

type Result = { command?: string };

/**
 * A statement sent with its transaction's BEGIN before it, its COMMIT after it, or both, in one write to
 * the socket and one round trip: Bind and Execute of the BEGIN the connection prepared; the statement as
 * node-postgres sends it; Parse, Bind and Execute of COMMIT; then one Sync. The database runs them in order
 * and skips the rest at the first error, so the statement runs only inside the transaction and the COMMIT
 * only after it succeeded. Each command's answer becomes a result of its own (pg/lib/query.js
 * `_checkForMultirow`), in that order.
 */
class PipelinedQuery extends pg.Query {
  constructor(
    private readonly begin: Prepared | null,
    private readonly commit: boolean,
    config: unknown,
    values: unknown,
    callback: (error: Error | null, result: unknown) => void,
  ) {
    super(config as pg.QueryConfig, values as unknown[], callback as never);
  }

  override submit = (connection: unknown): void => {
    const wire = connection as Wire;
    wire.stream.cork?.();
    try {
      if (this.begin) {
        wire.bind({ statement: this.begin.name, values: [] });
        wire.execute({});
      }
      (pg.Query.prototype as unknown as { submit(c: unknown): void }).submit.call(this, connection);
    } finally {
      wire.stream.uncork?.();
    }
  };

  /** node-postgres ends the statement with Execute and Sync here (pg/lib/query.js `prepare`). */
  _getRows(connection: unknown, rows: unknown): void {
    if (!this.commit) {
      const own = pg.Query.prototype as unknown as { _getRows(c: unknown, r: unknown): void };
      own._getRows.call(this, connection, rows);
      return;
    }
    const wire = connection as Wire;
    if (rows) throw new Error('a statement sent with the commit is read whole');
    wire.execute({});
    wire.parse({ text: 'commit' });
    wire.bind({ statement: '', values: [] });
    wire.execute({});
    wire.sync();
  }

  /** The statement's own result, from the results of the commands sent with it. */
  statementResult(results: unknown): unknown {
    const all = (Array.isArray(results) ? results : [results]) as Result[];
    const statement = all[this.begin ? 1 : 0];
    if (this.commit && all[all.length - 1]?.command !== 'COMMIT')
      throw new Error('the transaction did not commit');
    return statement;
  }
}

/**
 * A node-postgres client class for `new pg.Pool({ Client })` (the pool's documented option) whose
 * connections send their parameterized statements under the names `names` gives.
 *
 * They also save two round trips on every transaction that writes:
 * - Its BEGIN waits, and goes with its first statement, when the connection has prepared that BEGIN (its
 *   first transaction prepares it) and the statement has parameters. A statement without parameters (a
 *   savepoint) is sent after the BEGIN, as before; a transaction that ends before any statement sends
 *   nothing.
 * - Its last statement before the commit (db/before-commit.ts `thenCommit` marks it: the audit trail's) goes
 *   with the COMMIT. Drizzle's COMMIT that follows is then answered here, and any other statement on the
 *   connection before it is refused: it would run outside the transaction.
 * Only the promise form Drizzle uses is held or joined; a query with a callback goes as it is.
 */
export function namingClient(names: StatementNames): typeof pg.Client {
  return class NamingClient extends pg.Client {
    private waitingBegin: Prepared | null = null;
    private committed = false;

    // node-postgres's query has many overloads; every one takes the config first and the values second.
    override query(...args: unknown[]): never {
      const [config, values, ...rest] = args;
      const send = (...a: unknown[]) => (super.query as (...a: unknown[]) => never)(...a);
      const text = textOf(config);
      const promised = rest.length === 0 && typeof values !== 'function' && text !== undefined;
      if (!promised) return send(withName(names, config, values), values, ...rest);
      const params = paramsOf(config, values);
      const ending = endText.exec(text);
      if (this.committed) {
        this.committed = false;
        if (ending?.[1]?.toLowerCase() === 'commit') return Promise.resolve(answered('COMMIT')) as never;
        return Promise.reject(new Error(`a statement after its transaction committed: ${text}`)) as never;
      }
      const begin = this.waitingBegin;
      if (begin === null && beginText.test(text) && params.length === 0) {
        const prepared = { name: beginName(text), text };
        if (this.wire().parsedStatements[prepared.name] !== text) return send(prepared);
        this.waitingBegin = prepared;
        return Promise.resolve(answered('BEGIN')) as never;
      }
      this.waitingBegin = null;
      if (begin !== null && ending) return Promise.resolve(answered(ending[1]?.toUpperCase() ?? '')) as never;
      const config_ = withName(names, config, values);
      if (params.length === 0) {
        if (begin === null) return send(config_, values);
        const both = [send(begin), send(config_, values)] as Promise<unknown>[];
        return Promise.all(both).then(([, result]) => result) as never;
      }
      const commit = text.startsWith(thenCommit);
      if (begin === null && !commit) return send(config_, values);
      return new Promise((resolve, reject) => {
        const query: PipelinedQuery = new PipelinedQuery(begin, commit, config_, values, (error, results) => {
          if (error) return reject(error);
          try {
            const result = query.statementResult(results);
            if (commit) this.committed = true;
            resolve(result);
          } catch (failed) {
            reject(failed);
          }
        });
        send(query);
      }) as never;
    }

    private wire(): Wire {
      return (this as unknown as { connection: Wire }).connection;
    }
  } as typeof pg.Client;
}

function textOf(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  if (typeof config !== 'object' || config === null || 'submit' in config) return undefined;
  const { text } = config as QueryConfig;
  return typeof text === 'string' ? text : undefined;
}

function paramsOf(config: unknown, values: unknown): unknown[] {
  if (Array.isArray(values)) return values;
  const given = typeof config === 'object' && config !== null ? (config as QueryConfig).values : undefined;
  return Array.isArray(given) ? given : [];
}

/** The name a connection prepares a BEGIN under: one for each kind (isolation level, read only). */
const beginNames = new Map<string, string>();

function beginName(text: string): string {
  let name = beginNames.get(text);
  if (name === undefined) {
    name = `b_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    if (beginNames.size < 100) beginNames.set(text, name);
  }
  return name;
}
