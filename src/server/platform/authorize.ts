import type { ZodType, z } from 'zod';
import type { Role } from '../../shared/contracts/common.js';
import { fieldIssues } from '../../shared/contracts/field-errors.js';
import type { Actor, ActorCtx, Ctx } from './context.js';
import { AppError } from './errors.js';

/** Refuses unless someone is signed in with one of the roles. Returns the context with its actor. */
export function authorize(ctx: Ctx, allowed: readonly Role[]): ActorCtx {
  if (!ctx.actor) throw new AppError('unauthenticated');
  if (!allowed.includes(ctx.actor.role)) throw new AppError('forbidden');
  return ctx as ActorCtx;
}

export const everyone: readonly Role[] = ['admin', 'department', 'region', 'viewer'];
export const adminOnly: readonly Role[] = ['admin'];
export const readers: readonly Role[] = ['admin', 'viewer'];

/** Parses input with the shared schema; a failure becomes a 400 with one error per field. */
export function parse<S extends ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('validation', fieldIssues(result.error.issues));
  return result.data;
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}
