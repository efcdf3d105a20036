import { zip } from './docx-zip.js';
import type { RenderTask } from './render-tasks.js';

/**
 * The entry of a document worker thread (render-pool.ts runs it through Piscina): one task in, the file's
 * bytes out. It touches no database and no request; the renderers are loaded on a worker's first task of
 * their kind. Nothing here runs on the server's main event loop.
 */
export default async function render(task: RenderTask): Promise<Uint8Array> {
  switch (task.kind) {
    case 'docx': {
      const { renderDocx } = await import('./render-docx.js');
      return renderDocx(task.model);
    }
    case 'pdf': {
      const { renderPdf } = await import('./render-pdf.js');
      return renderPdf(task.model);
    }
    case 'xlsx': {
      const { toXlsx } = await import('../contribution-export/contributions-sheet.js');
      return toXlsx(task);
    }
    case 'zip':
      return zip(task.entries);
  }
}
