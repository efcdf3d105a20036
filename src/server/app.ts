import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { adoptionRoutes } from './adoption/adoption.routes.js';
import { adoptionProtocolRoutes } from './adoption/adoption-protocol.routes.js';
import { agreementArchiveRoutes } from './agreement-archive/agreement-archive.routes.js';
import { agreementDocumentRoutes } from './agreement-document/agreement-document.routes.js';
import { agreementRoutes } from './agreements/agreement.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { authenticateSession, type SessionKeys } from './auth/sessions.js';
import { bodyRoutes } from './bodies/body.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { caseRoutes } from './cases/case.routes.js';
import { contributionExportRoutes } from './contribution-export/contribution-export.routes.js';
import { contributionRoutes } from './contributions/contribution.routes.js';
import type { Db, Engine } from './db/client.js';
import { commitmentRoutes } from './follow-up/commitment.routes.js';
import { reportingRoundRoutes } from './follow-up/reporting-round.routes.js';
import { followUpReportRoutes } from './follow-up-report/follow-up-report.routes.js';
import { followUpRollupRoutes } from './follow-up-rollup/follow-up-rollup.routes.js';
import { generalPartRoutes } from './general-part/general-part.routes.js';
import { generalPartDocumentRoutes } from './general-part-document/general-part-document.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { createLifecycle, type Lifecycle } from './health/lifecycle.js';
import { hearingSummaryRoutes } from './hearing-summary/hearing-summary.routes.js';
import { hearingsRoutes } from './hearings/hearings.routes.js';
import { outboxRoutes } from './mail/outbox.routes.js';
import { matrixRoutes } from './matrix/matrix.routes.js';
import { meetingRoutes } from './meetings/meeting.routes.js';
import { milestoneRoutes } from './milestones/milestone.routes.js';
import { overviewRoutes } from './overview/overview.routes.js';
import { AppError } from './platform/errors.js';
import { registerAccess } from './platform/http/access.js';
import { encodeCachedBody, serializeCachedValuesOnce } from './platform/http/cached-responses.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { noStoreByDefault, registerProblems, sendProblem } from './platform/http/problem.js';
import { publicRoutes } from './public/public.routes.js';
import { registryRoutes } from './registry/registry.routes.js';
import { specialPartRoutes } from './special-part/special-part.routes.js';
import { statusReportRoutes } from './status-report/status-report.routes.js';
import { tasksRoutes } from './tasks/tasks.routes.js';
import { userRoutes } from './users/user.routes.js';

export type AppOptions = {
  db: Db;
  engine: Engine;
  keys: SessionKeys;
  logger?: Logger | false;
  bodyLimit?: number;
  publicUrl?: string;
  /**
   * Which proxies' `X-Forwarded-*` headers to believe (config.ts, TRUST_PROXY): none, a number of hops, or the
   * proxies' addresses and ranges. Never every client's: the sign-in limits count failures by address.
   */
  trustProxy?: false | number | readonly string[];
  /**
   * Whether a mail server sends the outbox's e-mail (MAIL_URL is set). Answers that queue e-mail say, by it,
   * whether the messages go out or stay in the outbox. Absent: no mail server.
   */
  mailConfigured?: boolean;
  /** Serve the built web app from this folder (absent in API-only tests). */
  webDir?: string;
  /**
   * The process's phase, for readiness (main.ts moves it). Absent: running, for a caller that builds the
   * app on a migrated database and serves it at once (the tests).
   */
  lifecycle?: Lifecycle;
};

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultWebDir = path.join(rootDir, 'dist/web');

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const behindTls = Boolean(options.publicUrl?.startsWith('https://'));
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: fastifyTrustProxy(options.trustProxy),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  // The API speaks JSON only. Fastify's default text/plain parser is removed: text/plain is a content type a
  // browser sends cross-site without a preflight, so accepting it would widen the door for forged writes.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  // A value from a read cache (platform/read-cache.ts) is validated, serialized and compressed once, not per
  // request (platform/http/cached-responses.ts).
  app.setSerializerCompiler(serializeCachedValuesOnce(serializerCompiler));
  app.addHook('onSend', encodeCachedBody);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  drainOnClose(app);

  await app.register(helmet, {
    // HSTS and upgrade-insecure-requests only make sense behind TLS; on plain HTTP they break the app.
    hsts: behindTls,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': behindTls ? [] : null,
      },
    },
  });
  await app.register(cookie);
  registerProblems(app);
  registerInputGuard(app);
  app.addHook('onSend', noStoreByDefault);
  registerAccess(app, {
    db: options.db,
    authenticate: (token) => authenticateSession(options.db, options.keys, token),
    publicUrl: options.publicUrl,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Partnerskap API',
        version: '1',
        description:
          'Partnership agreements between a county and its municipal regions. Errors are application/problem+json (RFC 9457). Writes need the session cookie and a same-origin Origin header.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'partnerskap_session' } },
      },
    },
    transform: jsonSchemaTransform,
    // Emits the schemas registered with an id (recursive ones, such as rich text) as components.
    transformObject: jsonSchemaTransformObject,
  });
  // The documentation pages are public. Their access is declared when each route is added, because a
  // route's own onRequest hook would run after the access hook has already refused the undeclared route.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // The UI's own policy asks browsers to upgrade to https, which breaks the page on plain HTTP.
      transformStaticCSP: (header) =>
        behindTls ? header : header.replace(/\s*upgrade-insecure-requests;?/g, '').trim(),
      uiConfig: { docExpansion: 'list', deepLinking: true },
    });
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(healthRoutes, {
    engine: options.engine,
    lifecycle: options.lifecycle ?? createLifecycle('running'),
  });
  await app.register(authRoutes, { keys: options.keys, secureCookie: behindTls });
  await app.register(registryRoutes);
  await app.register(followUpRollupRoutes);
  await app.register(followUpReportRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(outboxRoutes);
  await app.register(generalPartRoutes);
  await app.register(generalPartDocumentRoutes);
  await app.register(hearingsRoutes, {
    publicUrl: options.publicUrl,
    mail: { configured: options.mailConfigured ?? false },
  });
  await app.register(hearingSummaryRoutes);
  await app.register(agreementRoutes);
  await app.register(contributionRoutes, { publicUrl: options.publicUrl });
  await app.register(agreementDocumentRoutes);
  await app.register(agreementArchiveRoutes);
  await app.register(specialPartRoutes, {
    publicUrl: options.publicUrl,
    mail: { configured: options.mailConfigured ?? false },
  });
  await app.register(milestoneRoutes);
  await app.register(matrixRoutes);
  await app.register(overviewRoutes);
  await app.register(contributionExportRoutes);
  await app.register(tasksRoutes);
  await app.register(meetingRoutes, {
    publicUrl: options.publicUrl,
    mail: { configured: options.mailConfigured ?? false },
  });
  await app.register(calendarRoutes, { keys: options.keys, publicUrl: options.publicUrl });
  await app.register(bodyRoutes, { publicUrl: options.publicUrl });
  await app.register(caseRoutes);
  await app.register(adoptionRoutes);
  await app.register(commitmentRoutes);
  await app.register(reportingRoundRoutes, { publicUrl: options.publicUrl });
  await app.register(adoptionProtocolRoutes);
  await app.register(publicRoutes, { publicUrl: options.publicUrl });
  await app.register(statusReportRoutes);

  const webDir = options.webDir;
  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    // The build writes a brotli and a gzip copy of each script and style sheet (vite.config.ts): the one the
    // browser accepts is sent as it is, so the first page costs its compressed size (issue 15, item 7).
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      preCompressed: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsApp = request.method === 'GET' && !request.url.startsWith('/api/');
    if (wantsApp && webDir && existsSync(path.join(webDir, 'index.html'))) {
      // Client-side routing: every page of the app is served by index.html.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir);
    }
    return sendProblem(request, reply, new AppError('notFound'));
  });
  return app;
}

/**
 * TRUST_PROXY as Fastify takes it: a number of hops trusts the connection's peer and that many minus one
 * proxies before it (the client is the entry that many from the right of X-Forwarded-For); a list trusts
 * those addresses and ranges only.
 */
function fastifyTrustProxy(
  trust: AppOptions['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  if (trust === undefined || trust === false) return false;
  return [...trust];
}

/**
 * Lets close() finish once the requests in flight have. Fastify answers new requests 503 while closing and
 * the listener stops taking connections, but a keep-alive connection whose request ends after that stays
 * open until its timeout (72 s), and close() waits for it. So a response sent while closing says
 * `Connection: close`, and once it has gone the connections left idle are closed.
 */
function drainOnClose(app: FastifyInstance) {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async () => {
    if (closing) setImmediate(() => app.server.closeIdleConnections());
  });
}
