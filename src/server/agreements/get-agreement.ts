import type { Agreement } from '../../shared/contracts/agreements.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { loadAgreement } from './agreement-reads.js';

/** One agreement with its parties; everyone signed in reads it (agreements are public once adopted). */
export async function getAgreement(ctx: Ctx, id: string): Promise<Agreement> {
  const actx = authorize(ctx, everyone);
  return loadAgreement(actx.db, id);
}
