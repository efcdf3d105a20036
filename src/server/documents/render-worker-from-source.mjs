// The document worker's entry when the server runs from its TypeScript sources (tsx: tests, `npm run dev`):
// a worker thread does not inherit tsx's loader, so it is registered here before the worker is loaded.
// The built server (dist/server) runs render-worker.js directly and never loads this file.
import { register } from 'tsx/esm/api';

register();
const { default: render } = await import('./render-worker.ts');
export default render;
