import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every script, style sheet and page of the build,
 * once, at the highest levels: the server sends the one the browser accepts (@fastify/static's
 * `preCompressed`, src/server/app.ts), so the first page costs its compressed size on the wire without the
 * server compressing anything per request.
 */
function precompress(): Plugin {
  return {
    name: 'partnerskap:precompress',
    apply: 'build',
    // After the files are written, from the files: their content is final only then.
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg)$/.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // The manifest lists each script and what it imports: bench/first-page.ts sums what a page loads from it.
    manifest: true,
    rollupOptions: {
      // Designsystemet's React components do nothing when imported (the custom elements they use register in
      // @digdir/designsystemet-web, which keeps its effects), but the package does not say so: without this,
      // every component, the combobox's virtual list and floating-ui among them, would be in the first script.
      treeshake: {
        moduleSideEffects: (id: string) => !id.includes('/@digdir/designsystemet-react/dist/esm/'),
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
