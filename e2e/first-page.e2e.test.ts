import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstPageBudgetBytes, firstPageSizes } from '../bench/first-page.js';

/**
 * Issue 15, item 7: the sign-in page and the start page each load at most 200 kB of compressed script
 * before they show (brotli, as the server sends the build's `.br` copies to a browser). Read from the built
 * web app the journeys load; `npm run bench` prints the same, with gzip beside it.
 */
const webDir = process.env.E2E_WEB_DIR || path.resolve(import.meta.dirname, '..', 'dist', 'web');

describe('the first page', () => {
  it.each(['sign-in', 'start'] as const)(
    'loads the %s page with at most 200 kB of compressed script',
    (page) => {
      const size = firstPageSizes(webDir).find((s) => s.page === page);
      expect(size?.brotliBytes).toBeGreaterThan(0);
      expect(size?.brotliBytes).toBeLessThanOrEqual(firstPageBudgetBytes);
    },
  );
});
