import type { SpecialPartAnswerView } from '../../shared/contracts/special-part.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { loadAnsweredVersion, loadAnswerView } from './special-part-answer-reads.js';
import { assertMayReadAnswer } from './special-part-answer-rules.js';

/** The region's answer to a version (none yet, or for a draft), and whether it may answer now. */
export async function getSpecialPartAnswer(ctx: Ctx, versionId: string): Promise<SpecialPartAnswerView> {
  const { db, actor } = authorize(ctx, everyone);
  assertId(versionId);
  const version = await loadAnsweredVersion(db, versionId);
  if (!version) throw notFound();
  assertMayReadAnswer(actor, version.region.id);
  return loadAnswerView(db, version);
}
