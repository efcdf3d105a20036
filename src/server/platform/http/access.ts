import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../../shared/contracts/common.js';
import { localeFromHeader } from '../../../shared/i18n/translate.js';
import type { Db } from '../../db/client.js';
import type { Actor, Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { KnownStamp } from '../read-cache.js';

/** Who may call a route: anyone (`public`), or a signed-in person with one of the roles. */
export type Access = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The use-case context for this request: database, actor and request id. */
    ctx: Ctx;
  }
}

export const sessionCookie = 'partnerskap_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const readOnlyMethods = new Set(['GET', 'HEAD']);

/**
 * Runs before the body is read: authenticates the session, refuses cross-site writes, and enforces the
 * route's declared access. A route under /api that declares no access is refused: the default is closed.
 */
export function registerAccess(
  app: FastifyInstance,
  deps: {
    db: Db;
    /**
     * Who holds a session token, or null, and the read caches' stamp read in the same query (null when it was
     * not): given by the composition (app.ts), so the platform needs no feature.
     */
    authenticate: (token: string) => Promise<{ actor: Actor | null; readStamp: KnownStamp | null }>;
    publicUrl?: string;
  },
) {
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = request.cookies[sessionCookie];
    const session = token ? await deps.authenticate(token) : null;
    request.actor = session?.actor ?? null;
    request.ctx = { db: deps.db, actor: request.actor, requestId: String(request.id) };
    // Only a request that writes nothing may reuse the stamp it read before its handler ran.
    if (session?.readStamp && readOnlyMethods.has(request.method)) request.ctx.readStamp = session.readStamp;

    if (unsafeMethods.has(request.method) && !isSameOrigin(request, deps.publicUrl)) {
      throw new AppError('crossSite');
    }

    // Decided by the matched route, never by the raw URL: `/%61pi/v1/…` reaches the same route as `/api/v1/…`.
    const route = request.routeOptions.url;
    if (!route) return; // unknown route: the not-found handler answers
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    if (!access) {
      if (!route.startsWith('/api/')) return; // the web app's files
      request.log.error({ route }, 'route declares no access; refused');
      throw new AppError('forbidden');
    }
    if (!request.actor) throw new AppError('unauthenticated');
    if (!access.includes(request.actor.role)) throw new AppError('forbidden');
  });
}

/** Cross-site request protection: a write must show, by Origin or Sec-Fetch-Site, that it comes from the app. */
function isSameOrigin(request: FastifyRequest, publicUrl?: string): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'same-origin') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  return origin === `${request.protocol}://${request.host}`;
}

export function requestLocale(request: FastifyRequest) {
  return request.actor?.locale ?? localeFromHeader(request.headers['accept-language']);
}
