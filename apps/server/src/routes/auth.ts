/** Sign-in, sign-out and "who am I": `/api/v1/auth/login`, `/auth/logout`, `/auth/me`. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireActor } from '../auth/actor';
import { sessionCookieName } from '../auth/session-cookie';
import { signIn } from '../services/accounts/sign-in';
import { endSession, endSessionByToken } from '../services/accounts/sessions';
import { selfView } from '../services/accounts/identity';
import { Email, NoContent, responses, SelfUser, SignedInBody } from './schemas';
import { clearSessionCookie, setSessionCookie } from './session-reply';

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  api.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with email and password; sets the session cookie',
        // No length rule on the password here: a short wrong password is just a wrong password.
        body: Type.Object({ email: Email, password: Type.String({ maxLength: 1024 }) }, { additionalProperties: false }),
        response: responses({ 200: SignedInBody }),
      },
    },
    async (request, reply) => {
      const { user, session } = await signIn(platform, { ...request.body, ip: request.ip });
      // Rotation: whatever session this browser had before is ended, not reused.
      const previous = request.cookies[sessionCookieName(platform.config)];
      if (previous) await endSessionByToken(platform, previous);
      setSessionCookie(reply, platform.config, session);
      return { user: selfView(user), csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/auth/logout',
    {
      config: { permission: 'account' },
      schema: { tags: ['accounts'], summary: 'End this browser session', response: responses({ 204: NoContent }) },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.session) await endSession(platform, actor.session.idHash);
      clearSessionCookie(reply, platform.config);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/auth/me',
    {
      config: { permission: 'signedIn' },
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user, how they authenticated, and the CSRF token of their session',
        response: responses({
          200: Type.Object({
            user: SelfUser,
            via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
            csrfToken: Type.Union([Type.String(), Type.Null()]),
          }),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { user: actor.user, via: actor.via, csrfToken: actor.session?.csrfToken ?? null };
    },
  );
}
