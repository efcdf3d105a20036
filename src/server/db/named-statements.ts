import { createHash } from 'node:crypto';
import pg from 'pg';

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

/**
 * A node-postgres client class for `new pg.Pool({ Client })` (the pool's documented option) whose
 * connections send their parameterized statements under the names `names` gives.
 */
export function namingClient(names: StatementNames): typeof pg.Client {
  return class NamingClient extends pg.Client {
    // node-postgres's query has many overloads; every one takes the config first and the values second.
    override query(...args: unknown[]): never {
      const [config, values, ...rest] = args;
      return (super.query as (...a: unknown[]) => never)(withName(names, config, values), values, ...rest);
    }
  } as typeof pg.Client;
}
