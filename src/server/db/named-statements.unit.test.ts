import { describe, expect, it } from 'vitest';
import { statementNames, withName } from './named-statements.js';

describe('statement names', () => {
  it('names a text the second time it comes, with the same name every time after', () => {
    const names = statementNames(10);
    const text = 'select "id" from "regions" where "regions"."id" = $1';
    expect(names.nameOf(text)).toBeUndefined();
    const name = names.nameOf(text);
    expect(name).toMatch(/^p_[A-Za-z0-9_-]{32}$/);
    expect(names.nameOf(text)).toBe(name);
    // Another process, or another pool, names the same text the same.
    const elsewhere = statementNames(10);
    elsewhere.nameOf(text);
    expect(elsewhere.nameOf(text)).toBe(name);
    expect(names.nameOf(`${text} for update`)).toBeUndefined();
    expect(names.size).toBe(1);
  });

  it('names at most its bound of texts, keeps those it named, and never a very long one', () => {
    const names = statementNames(2);
    const twice = (text: string) => {
      names.nameOf(text);
      return names.nameOf(text);
    };
    const a = twice('select $1::int');
    const b = twice('select $1::text');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(twice('select $1::date')).toBeUndefined();
    expect(names.size).toBe(2);
    expect(names.nameOf('select $1::int')).toBe(a);
    const long = `select ${'1 + '.repeat(6000)}$1::int`;
    expect(statementNames(5).nameOf(long)).toBeUndefined();
    const roomy = statementNames(5);
    roomy.nameOf(long);
    expect(roomy.nameOf(long)).toBeUndefined();
  });

  it('forgets the texts seen once when too many come, so that one-off statements cannot grow it', () => {
    const names = statementNames(10, 3);
    names.nameOf('select $1::int');
    for (const n of [1, 2, 3]) names.nameOf(`select $1::int + ${n}`);
    // The first text was forgotten with the others seen once: its next coming is a first again.
    expect(names.nameOf('select $1::int')).toBeUndefined();
    expect(names.nameOf('select $1::int')).toBeDefined();
  });

  it('names only a statement with parameters, given as a config, and leaves one already named', () => {
    const names = statementNames(10);
    const config = { text: 'select $1::int as n', rowMode: 'array' };
    expect(withName(names, config, [1])).toBe(config);
    const named = withName(names, config, [1]) as { name: string; text: string; rowMode: string };
    expect(named).toEqual({ ...config, name: expect.stringMatching(/^p_/) });
    expect(config).not.toHaveProperty('name');
    // The values may come inside the config, as node-postgres also takes them.
    expect(withName(names, { text: config.text, values: [2] }, undefined)).toHaveProperty('name', named.name);
    // No parameters: a script, a migration, a plain query; these go as they came.
    for (const text of ['select 1', 'create table t (id int); create index on t (id)'])
      for (let i = 0; i < 3; i++) expect(withName(names, { text }, [])).toEqual({ text });
    expect(withName(names, 'select $1::int', [1])).toBe('select $1::int');
    const own = { text: config.text, name: 'mine' };
    expect(withName(names, own, [1])).toBe(own);
  });
});
