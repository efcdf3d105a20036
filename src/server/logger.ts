import pino from 'pino';

/** Structured JSON logs; Fastify adds the request id to every line written during a request. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
  });
}
