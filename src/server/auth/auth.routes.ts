import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginInput, Me, UpdatePreferencesInput } from '../../shared/contracts/auth.js';
import { everyone } from '../platform/authorize.js';
import { sessionCookie } from '../platform/http/access.js';
import { getMe } from './get-me.js';
import { login } from './login.js';
import { logout, type SessionKeys } from './sessions.js';
import { updatePreferences } from './update-preferences.js';

const tags = ['auth'];

/** `secureCookie`: the app is reached over https (PUBLIC_URL), even when the proxy in front is not trusted. */
export const authRoutes: FastifyPluginAsyncZod<{ keys: SessionKeys; secureCookie?: boolean }> = async (
  app,
  { keys, secureCookie },
) => {
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
      const { token, actor } = await login(request.ctx, keys, request.body, request.ip);
      reply.setCookie(sessionCookie, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie === true || request.protocol === 'https',
        maxAge: keys.ttlHours * 3600,
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
