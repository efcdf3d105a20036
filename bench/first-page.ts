import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Issue 15, item 7: what the sign-in page and the start page load before they show, compressed, against a
 * budget of 200 kB of script. Read from the web app's build (dist/web): Vite's manifest names each script
 * and the scripts it imports statically, and the app loads, before either page shows,
 * - the entry (index.html's script) and everything it imports;
 * - the reader's language (src/web/i18n/catalogue.ts: bokmål here, the default) and what it imports;
 * - the page's own sections (React.lazy in src/web/app/App.tsx) and their imports: LoginPage; or the
 *   signed-in header and navigation (Layout) and StartPage.
 * A script is counted once however many import it. Sizes are gzip (level 9) and brotli (quality 11), as
 * `vite build` writes them beside each script for the server to send (`.gz`, `.br`).
 */
export const firstPageBudgetBytes = 200 * 1000;

type Manifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;

export type FirstPageSize = {
  page: 'sign-in' | 'start';
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  budgetBytes: number;
  verdict: 'PASS' | 'FAIL';
};

const pages = {
  'sign-in': ['features/auth/LoginPage.tsx'],
  start: ['app/Layout.tsx', 'features/my-tasks/StartPage.tsx'],
} as const;
const language = ['i18n/nb.ts', '../shared/i18n/nb.ts'];

export function firstPageSizes(webDir: string): FirstPageSize[] {
  const manifestFile = path.join(webDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`no ${manifestFile}: build the web app first (npx vite build)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the manifest names no entry');
  const walk = (key: string, seen: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no ${key}: has App.tsx or the catalogue moved?`);
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) walk(imported, seen);
  };
  return (Object.keys(pages) as (keyof typeof pages)[]).map((page) => {
    const seen = new Set<string>();
    for (const key of [entry, ...language, ...pages[page]]) walk(key, seen);
    let rawBytes = 0;
    let gzipBytes = 0;
    let brotliBytes = 0;
    for (const key of seen) {
      const file = path.join(webDir, manifest[key]?.file ?? '');
      const content = readFileSync(file);
      rawBytes += content.length;
      gzipBytes += existsSync(`${file}.gz`)
        ? readFileSync(`${file}.gz`).length
        : gzipSync(content, { level: 9 }).length;
      brotliBytes += existsSync(`${file}.br`)
        ? readFileSync(`${file}.br`).length
        : brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    const budgetBytes = firstPageBudgetBytes;
    return {
      page,
      scripts: seen.size,
      rawBytes,
      gzipBytes,
      brotliBytes,
      budgetBytes,
      verdict: brotliBytes <= budgetBytes ? 'PASS' : 'FAIL',
    };
  });
}

export function printFirstPageSizes(sizes: FirstPageSize[]) {
  if (sizes.length === 0) return;
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log('First page (script loaded before the page shows, from dist/web; budget 200 kB compressed):');
  for (const s of sizes) {
    console.log(
      `  ${s.page.padEnd(8)} ${String(s.scripts).padStart(2)} scripts, ${kB(s.rawBytes)} raw, ` +
        `gzip ${kB(s.gzipBytes)}, brotli ${kB(s.brotliBytes)}: ${s.verdict} (brotli${s.gzipBytes <= s.budgetBytes ? ' and gzip' : '; gzip over'})`,
    );
  }
}
