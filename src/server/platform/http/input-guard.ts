import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isStorableText, unstorableTextKey } from '../../../shared/contracts/common.js';
import type { FieldIssue } from '../../../shared/contracts/field-errors.js';
import { AppError } from '../errors.js';

/** More than this many field errors for one request tell the caller nothing more. */
const maxIssues = 20;

/**
 * Refuses, before any route's validation, a request whose body, query or path holds text that cannot be
 * stored: a NUL character (PostgreSQL refuses it in text) or a lone UTF-16 surrogate (PostgreSQL refuses it
 * in JSON). The contracts' shared helpers refuse the same (`isStorableText` in `shared/contracts/common.ts`),
 * but this walks every string and every key of every request, so no route and no hand-written field is
 * missed: 400 naming the field (`validation.characters`), or 404 for a path, whose ids name nothing that
 * exists. A raw upload's bytes (a Buffer) are the file, not text, and are not walked.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (unstorableIn(request.params).length > 0) throw new AppError('notFound');
    const issues = [...unstorableIn(request.query), ...unstorableIn(request.body)];
    if (issues.length > 0) throw new AppError('validation', issues.slice(0, maxIssues));
  });
}

/** The fields of a parsed JSON value (or query, or path) that hold text that cannot be stored. */
export function unstorableIn(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && issues.length < maxIssues) {
    const item = stack.pop();
    if (!item) break;
    const { value: v, path } = item;
    if (typeof v === 'string') {
      if (!isStorableText(v)) issues.push(issueAt(path));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, String(i)] });
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && !ArrayBuffer.isView(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        if (!isStorableText(key)) {
          issues.push(issueAt([...path, shown(key)]));
          continue;
        }
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return issues;
}

/** A key as it can be named in the answer: each character that cannot be stored as U+FFFD. */
const shown = (key: string) => [...key].map((c) => (isStorableText(c) ? c : '\uFFFD')).join('');

const issueAt = (path: string[]): FieldIssue => ({
  field: path.join('.') || '_',
  code: unstorableTextKey,
  params: {},
});
