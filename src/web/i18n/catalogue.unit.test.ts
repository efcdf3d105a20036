import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en as sharedEn } from '../../shared/i18n/en';
import { nb as sharedNb } from '../../shared/i18n/nb';
import { nn as sharedNn } from '../../shared/i18n/nn';
import { resources } from './catalogue';
import { webEn } from './en';
import { webNb } from './nb';
import { webNn } from './nn';

/** Every leaf of a catalogue as dotted key → text. A leaf that is not text is kept so the test can name it. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null) return out;
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const catalogues = {
  web: { nb: webNb, nn: webNn, en: webEn },
  server: { nb: sharedNb, nn: sharedNn, en: sharedEn },
};

describe.each(Object.entries(catalogues))('the %s catalogue', (_, { nb, nn, en }) => {
  const reference = leaves(nb);

  it('has only non-empty texts in bokmål', () => {
    const bad = [...reference].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  describe.each([
    ['nynorsk', nn],
    ['English', en],
  ])('in %s', (_, other) => {
    const translated = leaves(other);

    it('has every key bokmål has, and no other', () => {
      expect([...reference.keys()].filter((k) => !translated.has(k))).toEqual([]);
      expect([...translated.keys()].filter((k) => !reference.has(k))).toEqual([]);
    });

    it('has no empty text', () => {
      const bad = [...translated].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(bad).toEqual([]);
    });

    it('uses the same {{placeholders}} as bokmål', () => {
      const differing = [...reference]
        .filter(([k, v]) => {
          const t = translated.get(k);
          return (
            typeof v === 'string' && typeof t === 'string' && `${placeholders(v)}` !== `${placeholders(t)}`
          );
        })
        .map(
          ([k, v]) => `${k}: {{${placeholders(String(v)).join('}}, {{')}}} ≠ ${String(translated.get(k))}`,
        );
      expect(differing).toEqual([]);
    });
  });
});

describe('the web app and the server catalogue together', () => {
  it('do not share a top-level section, so neither hides the other when they are merged', () => {
    const shared = Object.keys(sharedNb).filter((k) => k in webNb);
    expect(shared).toEqual([]);
  });
});

describe('the keys the web app asks for', () => {
  const webRoot = fileURLToPath(new URL('..', import.meta.url));
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sources(path);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
    });
  const known = leaves(resources.nb.translation);
  // i18next picks `key_one` / `key_other` when it is given a count.
  const exists = (key: string) => known.has(key) || known.has(`${key}_other`);

  const calls = sources(webRoot).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)].map((m) => ({
      file: relative(webRoot, file),
      key: m[2] ?? '',
    })),
  );

  it('finds the literal t(…) calls in the source', () => {
    // A scan that finds nothing would pass for the wrong reason.
    expect(calls.length).toBeGreaterThan(20);
  });

  it('finds every literal key in the bokmål catalogue', () => {
    const missing = calls.filter((c) => !exists(c.key)).map((c) => `${c.file}: ${c.key}`);
    expect(missing).toEqual([]);
  });
});
