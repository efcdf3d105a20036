import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginInput, Me, UpdatePreferencesInput } from '../../shared/contracts/auth.js';
import { everyone } from '../platform/authorize.js';
import { sessionCookie } from '../platform/http/access.js';
import { deviceCookie, deviceCookieDays, deviceCookiePath } from './device-cookie.js';
import { getMe } from './get-me.js';
import { login } from './login.js';
import { SignInThrottled } from './login-limits.js';
import { logout, type SessionKeys } from './sessions.js';
import { updatePreferences } from './update-preferences.js';

const tags = ['auth'];

/** `secureCookie`: the app is reached over https (PUBLIC_URL), even when the proxy in front is not trusted. */
export const authRoutes: FastifyPluginAsyncZod<{ keys: SessionKeys; secureCookie?: boolean }> = async (
  app,
  { keys, secureCookie },
) => {
  // A refused sign-in says how long to wait: the error handler's answer gets the attempt's own Retry-After.
  const retryAfter = new WeakMap<object, number>();
  app.addHook('onSend', async (request, reply) => {
    const seconds = retryAfter.get(request);
    if (seconds !== undefined && reply.statusCode === 429) reply.header('retry-after', String(seconds));
  });

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: LoginInput,
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      // request.ip is the client's address as far as TRUST_PROXY allows: X-Forwarded-For is believed only
      // from the proxies it names.
      const signedIn = await login(
        request.ctx,
        keys,
        request.body,
        request.ip,
        request.cookies[deviceCookie],
      ).catch((error: unknown) => {
        if (error instanceof SignInThrottled) retryAfter.set(request, error.retryAfterSeconds);
        throw error;
      });
      const { token, actor } = signedIn;
      const secure = secureCookie === true || request.protocol === 'https';
      reply.setCookie(sessionCookie, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: keys.ttlHours * 3600,
      });
      // This browser is now known for the account (device-cookie.ts); it stays known after signing out.
      reply.setCookie(deviceCookie, signedIn.deviceCookie, {
        path: deviceCookiePath,
        httpOnly: true,
        sameSite: 'strict',
        secure,
        maxAge: deviceCookieDays * 24 * 3600,
      });
      return getMe({ ...request.ctx, actor });
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'public' }, schema: { tags, summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await logout(request.ctx, keys, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: everyone }, schema: { tags, summary: 'Who is signed in', response: { 200: Me } } },
    async (request) => getMe(request.ctx),
  );

  app.put(
    '/api/v1/auth/me/preferences',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Remember the signed-in person’s language',
        body: UpdatePreferencesInput,
        response: { 200: UpdatePreferencesInput },
      },
    },
    async (request) => updatePreferences(request.ctx, request.body),
  );
};
