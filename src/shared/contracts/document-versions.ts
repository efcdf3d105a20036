import { z } from 'zod';
import { Id } from './common.js';

/**
 * What the versioned documents share on the wire: the general part and an agreement's special part both
 * keep ordered sections under stable keys, and both compare two versions section by section.
 */

/** Adds an issue for every section whose key an earlier section has already; returns the keys seen. */
export function checkUniqueSectionKeys(
  sections: readonly { key?: string | undefined }[],
  ctx: z.RefinementCtx,
): Set<string> {
  const seen = new Set<string>();
  sections.forEach((section, i) => {
    if (!section.key) return;
    if (seen.has(section.key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections', i, 'key'],
        message: 'validation.duplicateSectionKey',
      });
    }
    seen.add(section.key);
  });
  return seen;
}

export const CompareQuery = z.object({ from: Id, to: Id });
export type CompareQuery = z.infer<typeof CompareQuery>;

export const DiffOp = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type DiffOp = z.infer<typeof DiffOp>;

/**
 * One block of a compared section: `equal` and `insert`/`delete` whole blocks, or `changed` with the words
 * that were inserted and deleted. `level` (headings), `marker` and `depth` (list items) help lay it out.
 */
export const BlockDiff = z.object({
  type: z.enum(['paragraph', 'heading', 'listItem', 'tableCell']),
  status: z.enum(['equal', 'insert', 'delete', 'changed']),
  level: z.number().optional(),
  marker: z.string().optional(),
  depth: z.number().optional(),
  ops: z.array(DiffOp),
});
export type BlockDiff = z.infer<typeof BlockDiff>;

/**
 * A section matched on its key. `changed` (title or body differ) wins over `moved` (the section left its
 * place among the sections both versions have); `moved` is also given as a flag, since both can be true.
 */
export const SectionComparison = z.object({
  key: z.string(),
  status: z.enum(['added', 'removed', 'moved', 'changed', 'unchanged']),
  moved: z.boolean(),
  fromPosition: z.number().nullable(),
  toPosition: z.number().nullable(),
  fromTitle: z.string().nullable(),
  toTitle: z.string().nullable(),
  titleChanged: z.boolean(),
  bodyChanged: z.boolean(),
  blocks: z.array(BlockDiff),
});
export type SectionComparison = z.infer<typeof SectionComparison>;

/**
 * Two versions of one document compared: which versions (`ref` says how a document names one), and the
 * sections in the order of the `to` version, each removed section right after the one it followed in `from`.
 */
export const comparisonOf = <R extends z.ZodType>(ref: R) =>
  z.object({ from: ref, to: ref, sections: z.array(SectionComparison) });
