/**
 * The caller's place in the base a request names — their role there, a custom role's version,
 * the base's schema version and zone, the user directory's version — as columns that ride on
 * the statement reading their token or session. On PostgreSQL every statement is a round trip
 * whose loopback write alone costs the server more than a small read; a record page used to
 * need four such statements before its own query.
 */
import type { ExpressionBuilder } from 'kysely';
import type { MetaSchema } from '../meta-schema';
import { usersVersionColumn, type BaseVersion } from './metadata-versions';
import { isMemberRole, type MemberRole } from './roles';

export interface MemberAccess {
  baseId: string;
  /** Undefined when the user is not a member, or there is no such base. */
  role: MemberRole | undefined;
  /** The held custom role's version; undefined for a built-in role or one since deleted. */
  roleVersion: number | undefined;
  /** Undefined when there is no such base. */
  base: BaseVersion | undefined;
}

/** Selections for a query with `users` in scope (the caller's row). */
export function memberAccessColumns(eb: ExpressionBuilder<MetaSchema, 'users'>, baseId: string) {
  const role = eb
    .selectFrom('base_members')
    .select('base_members.role')
    .where('base_members.base_id', '=', baseId)
    .whereRef('base_members.user_id', '=', 'users.id');
  const base = eb.selectFrom('bases').where('bases.id', '=', baseId);
  return [
    role.as('ma_role'),
    eb.selectFrom('roles').select('roles.version').where('roles.base_id', '=', baseId).where('roles.id', '=', role).as('ma_role_version'),
    base.select('bases.schema_version').as('ma_schema_version'),
    base.select('bases.time_zone').as('ma_time_zone'),
    usersVersionColumn().as('ma_users_version'),
  ];
}

export interface MemberAccessRow {
  ma_role: string | null;
  ma_role_version: number | string | null;
  ma_schema_version: number | string | null;
  ma_time_zone: string | null;
  ma_users_version: string | null;
}

export function memberAccessOf(row: MemberAccessRow, baseId: string): MemberAccess {
  return {
    baseId,
    role: row.ma_role !== null && isMemberRole(row.ma_role) ? row.ma_role : undefined,
    roleVersion: row.ma_role_version === null ? undefined : Number(row.ma_role_version),
    base:
      row.ma_schema_version === null || row.ma_time_zone === null
        ? undefined
        : { schemaVersion: String(row.ma_schema_version), timeZone: row.ma_time_zone, usersVersion: String(row.ma_users_version) },
  };
}
