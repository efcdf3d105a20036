import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldError, Problem } from '../../../shared/contracts/common.js';
import { type FieldIssue, fieldIssues } from '../../../shared/contracts/field-errors.js';
import { translate } from '../../../shared/i18n/translate.js';
import { AppError, type ErrorCode, pgErrorOf } from '../errors.js';
import { requestLocale } from './access.js';

/** Maps every error to RFC 9457 problem+json in the caller's language, once, here. Internals never leave. */
export function registerProblems(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request);
    if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    return sendProblem(request, reply, appError);
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = requestLocale(request);
  const errors: FieldError[] = error.fields.map((f) => ({
    field: f.field,
    code: f.code,
    message: translate(locale, f.code, f.params),
  }));
  const body: Problem = {
    type: `/api/problems/${error.code}`,
    title: translate(locale, `errors.${error.code}`),
    status: error.status,
    code: error.code,
    requestId: String(request.id),
    ...(errors.length > 0 ? { errors } : {}),
  };
  if (error.code === 'rateLimited') reply.header('retry-after', '900');
  // A document refused while the caller's others are being made says how long one usually takes.
  if (error.code === 'busy') {
    const wait = (error as AppError & { retryAfterSeconds?: number }).retryAfterSeconds;
    reply.header('retry-after', String(wait ?? 5));
  }
  return reply.status(error.status).type('application/problem+json').send(body);
}

function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    // A malformed id in the path names nothing that exists.
    if (error.validationContext === 'params') return new AppError('notFound');
    const issues: FieldIssue[] = fieldIssues(
      error.validation.map((v) => ({
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
        code: v.keyword,
        ...(v.params as Record<string, unknown>),
      })),
    );
    return new AppError('validation', issues);
  }
  const byFastifyCode: Record<string, ErrorCode> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'tooLarge',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupportedMediaType',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'badJson',
    FST_ERR_CTP_INVALID_JSON_BODY: 'badJson',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'badJson',
  };
  const mapped = error.code ? byFastifyCode[error.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('badJson');
  if (error.statusCode === 413) return new AppError('tooLarge');
  if (error.statusCode === 415) return new AppError('unsupportedMediaType');
  const fromInput = databaseErrorFromInput(error);
  if (fromInput) {
    // A contract should have refused the input before it reached the database: worth a look, not a 500.
    request.log.warn({ sqlState: pgErrorOf(error).code }, 'database refused the input');
    return fromInput;
  }
  request.log.debug({ code: error.code }, 'mapping unknown error to 500');
  return new AppError('internal');
}

/**
 * A database error that the input caused, as the caller's error: a safety net behind the contracts, which
 * should refuse such input first. Class 22 is "data exception" (a NUL byte or a character the encoding
 * cannot hold: 22021, 22P05; a date out of range: 22008; a number too large: 22003; text too long: 22001;
 * malformed text for its type: 22P02, 22007), and 54000 an index row too large for what was typed.
 * A check constraint is the rules' last word on input (400), a unique index a duplicate (409). Anything
 * else, a foreign key included (a reference the use case should have checked), stays a 500.
 */
export function databaseErrorFromInput(error: unknown): AppError | null {
  const { code } = pgErrorOf(error);
  if (!code) return null;
  if (code.startsWith('22') || code === '54000' || code === '23514') {
    return new AppError('validation', [{ field: '_', code: 'validation.invalid', params: {} }]);
  }
  if (code === '23505') return new AppError('duplicate');
  return null;
}

/**
 * Answers of the API hold personal or unpublished data, so neither the browser nor a proxy keeps them
 * unless the route says otherwise: a download says `private, no-store` itself, the API documentation's
 * files and the web app's built files their own public caching, its page `no-cache`. Any answer that says
 * nothing (every JSON answer and every problem, wherever its path points) is `no-store`.
 */
export async function noStoreByDefault(_request: FastifyRequest, reply: FastifyReply) {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}
