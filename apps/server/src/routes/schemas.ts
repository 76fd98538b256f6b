/**
 * TypeBox schemas shared by the platform routes (accounts, tokens, bases, members). They
 * validate requests (ajv, unknown properties refused) and shape responses (fields not in the
 * schema are never sent), and they are what /api/docs shows.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { baseRoles } from '@multitable/storage';
import { errorCodes } from '@multitable/core';
import { maxPasswordLength, minPasswordLength } from '../auth/passwords';

export const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^\\s*[^\\s@]+@[^\\s@]+\\s*$' });
export const Password = Type.String({ minLength: minPasswordLength, maxLength: maxPasswordLength });
export const DisplayName = Type.String({ minLength: 1, maxLength: 200 });
export const IsoTime = Type.String({ description: 'ISO-8601 UTC time' });
export const UserId = Type.String({ pattern: '^usr_[0-9a-z]{16}$' });
export const BaseId = Type.String({ pattern: '^bse_[0-9a-z]{16}$' });
export const TokenId = Type.String({ pattern: '^tok_[0-9a-z]{16}$' });
export const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai' });
export const RoleId = Type.String({ pattern: '^rol_[0-9a-z]{16}$' });
/** A member's role: a built-in role, or a custom role of the base by id. */
export const Role = Type.Union([...baseRoles.map((role) => Type.Literal(role)), RoleId], {
  description: "owner, admin, editor, viewer, or a custom role's id (rol_…)",
});
export const TokenAccessSchema = Type.Union([Type.Literal('read'), Type.Literal('readWrite')]);

export const SelfUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  isInstanceOwner: Type.Boolean(),
});

export const UserSummary = Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() });

/** What sign-in and setup answer: the user and the CSRF token for state-changing requests. */
export const SignedInBody = Type.Object({ user: SelfUser, csrfToken: Type.String() });

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.Union(errorCodes.map((code) => Type.Literal(code))),
    message: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
  }),
});

/** Response schemas for a route: its success bodies plus the error shape for documentation. */
export function responses<T extends Record<number, TSchema>>(success: T): T & { '4xx': typeof ErrorResponse } {
  return { ...success, '4xx': ErrorResponse };
}

export const NoContent = Type.Null({ description: 'No content' });
