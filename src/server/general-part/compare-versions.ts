import { diffArrays, diffWordsWithSpace } from 'diff';
import type { BlockDiff, DiffOp, SectionComparison } from '../../shared/contracts/document-versions.js';
import { type Block, type RichTextDoc, sameRichText, toBlocks } from '../../shared/contracts/rich-text.js';

export type ComparedSection = { key: string; title: string; body: RichTextDoc; position: number };

/**
 * Past this many word edits within one block, showing the old block deleted and the new one inserted says
 * as much as a word diff and stops one pathological paragraph from costing seconds.
 */
const maxWordEdits = 2000;

/**
 * Compares two versions section by section, matched on the stable key. Each section is diffed on its own
 * (blocks first, then words within a changed block), so the cost follows the size of what changed, not
 * the size of the whole document squared.
 */
export function compareVersions(
  from: readonly ComparedSection[],
  to: readonly ComparedSection[],
): SectionComparison[] {
  const fromSorted = [...from].sort((a, b) => a.position - b.position);
  const toSorted = [...to].sort((a, b) => a.position - b.position);
  const fromByKey = new Map(fromSorted.map((s, i) => [s.key, { section: s, index: i }]));
  const toByKey = new Map(toSorted.map((s, i) => [s.key, { section: s, index: i }]));
  const moved = movedKeys(fromSorted, toByKey);

  const compared = new Map<string, SectionComparison>();
  for (const [i, t] of toSorted.entries()) {
    const f = fromByKey.get(t.key)?.section;
    compared.set(t.key, f ? compareSection(f, t, i, fromByKey, moved) : added(t, i));
  }

  // Removed sections are shown where they stood: after the nearest earlier section that is still there.
  const removedAfter = new Map<string | null, SectionComparison[]>();
  let anchor: string | null = null;
  for (const [i, f] of fromSorted.entries()) {
    if (toByKey.has(f.key)) {
      anchor = f.key;
      continue;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push(removed(f, i));
    removedAfter.set(anchor, list);
  }

  const result: SectionComparison[] = [...(removedAfter.get(null) ?? [])];
  for (const t of toSorted) {
    const c = compared.get(t.key);
    if (c) result.push(c);
    result.push(...(removedAfter.get(t.key) ?? []));
  }
  return result;
}

function compareSection(
  f: ComparedSection,
  t: ComparedSection,
  toIndex: number,
  fromByKey: Map<string, { index: number }>,
  moved: Set<string>,
): SectionComparison {
  const titleChanged = f.title !== t.title;
  const bodyChanged = !sameRichText(f.body, t.body);
  const isMoved = moved.has(t.key);
  const status = titleChanged || bodyChanged ? 'changed' : isMoved ? 'moved' : 'unchanged';
  return {
    key: t.key,
    status,
    moved: isMoved,
    fromPosition: fromByKey.get(t.key)?.index ?? null,
    toPosition: toIndex,
    fromTitle: f.title,
    toTitle: t.title,
    titleChanged,
    bodyChanged,
    blocks: bodyChanged
      ? diffBlocks(toBlocks(f.body), toBlocks(t.body))
      : toBlocks(t.body).map((b) => whole(b, 'equal')),
  };
}

const added = (t: ComparedSection, index: number): SectionComparison => ({
  key: t.key,
  status: 'added',
  moved: false,
  fromPosition: null,
  toPosition: index,
  fromTitle: null,
  toTitle: t.title,
  titleChanged: false,
  bodyChanged: false,
  blocks: toBlocks(t.body).map((b) => whole(b, 'insert')),
});

const removed = (f: ComparedSection, index: number): SectionComparison => ({
  key: f.key,
  status: 'removed',
  moved: false,
  fromPosition: index,
  toPosition: null,
  fromTitle: f.title,
  toTitle: null,
  titleChanged: false,
  bodyChanged: false,
  blocks: toBlocks(f.body).map((b) => whole(b, 'delete')),
});

/**
 * The sections both versions have that changed their place. Those in the longest run that kept their
 * relative order stayed; the rest moved. (Comparing positions alone would call every section after an
 * inserted one "moved".)
 */
function movedKeys(
  fromSorted: readonly ComparedSection[],
  toByKey: Map<string, { index: number }>,
): Set<string> {
  const common = fromSorted.flatMap((s) => {
    const t = toByKey.get(s.key);
    return t ? [{ key: s.key, to: t.index }] : [];
  });
  const kept = longestIncreasingRun(common.map((c) => c.to));
  return new Set(common.filter((_, i) => !kept.has(i)).map((c) => c.key));
}

/** Indexes of a longest strictly increasing subsequence, O(n log n). */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = []; // index into values of the smallest tail of a run of each length
  const previous: number[] = new Array(values.length).fill(-1);
  for (const [i, v] of values.entries()) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? (tails[lo - 1] ?? -1) : -1;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] ?? -1) kept.add(i);
  return kept;
}

const blockKey = (b: Block) => `${b.type}\u0000${b.text}`;

/** Blocks matched by type and text; a deleted block followed by an inserted one of its type is diffed by word. */
export function diffBlocks(from: readonly Block[], to: readonly Block[]): BlockDiff[] {
  const changes = diffArrays(from.map(blockKey), to.map(blockKey));
  const result: BlockDiff[] = [];
  let fi = 0;
  let ti = 0;
  let deleted: Block[] = [];
  const flushDeleted = () => {
    for (const b of deleted) result.push(whole(b, 'delete'));
    deleted = [];
  };
  for (const change of changes) {
    if (change.removed) {
      deleted.push(...from.slice(fi, fi + change.count));
      fi += change.count;
    } else if (change.added) {
      const inserted = to.slice(ti, ti + change.count);
      ti += change.count;
      const pairs = Math.min(deleted.length, inserted.length);
      for (let i = 0; i < pairs; i++) {
        const [d, n] = [deleted[i], inserted[i]];
        if (!d || !n) continue;
        if (d.type === n.type) result.push(changedBlock(d, n));
        else result.push(whole(d, 'delete'), whole(n, 'insert'));
      }
      for (const b of deleted.slice(pairs)) result.push(whole(b, 'delete'));
      for (const b of inserted.slice(pairs)) result.push(whole(b, 'insert'));
      deleted = [];
    } else {
      flushDeleted();
      for (const b of to.slice(ti, ti + change.count)) result.push(whole(b, 'equal'));
      fi += change.count;
      ti += change.count;
    }
  }
  flushDeleted();
  return result;
}

function changedBlock(from: Block, to: Block): BlockDiff {
  const words = diffWordsWithSpace(from.text, to.text, { maxEditLength: maxWordEdits });
  const ops: DiffOp[] = words
    ? words.map((w) => ({ op: w.added ? 'insert' : w.removed ? 'delete' : 'equal', text: w.value }))
    : [
        { op: 'delete', text: from.text },
        { op: 'insert', text: to.text },
      ];
  return { ...layoutOf(to), status: 'changed', ops: ops.filter((o) => o.text !== '') };
}

function whole(block: Block, op: 'equal' | 'insert' | 'delete'): BlockDiff {
  return { ...layoutOf(block), status: op, ops: block.text === '' ? [] : [{ op, text: block.text }] };
}

function layoutOf(block: Block): Pick<BlockDiff, 'type' | 'level' | 'marker' | 'depth'> {
  if (block.type === 'heading') return { type: block.type, level: block.level };
  if (block.type === 'listItem') return { type: block.type, marker: block.marker, depth: block.depth };
  return { type: block.type };
}
