/**
 * Bases as their members see them: list, create (creator becomes owner), read, change name or
 * time zone, delete. Who may call which is decided by the route permission before these run;
 * a base's time zone is an IANA name (default: the server's DEFAULT_TIME_ZONE, itself `UTC`
 * unless configured).
 */
import { EngineError, newId, type ApiBase } from '@multitable/core';
import {
  deleteTablesOfBase,
  deleteBase as deleteBaseRow,
  findBaseOfMember,
  insertBase,
  listBasesOfMember,
  updateBase as updateBaseRow,
} from '@multitable/storage';
import { nowIso, type Platform } from '../../platform';
import { canonicalTimeZone } from '../../time-zones';
import { displayName } from '../accounts/identity';

export type BaseView = ApiBase;

function zoneOrRefuse(zone: string): string {
  const canonical = canonicalTimeZone(zone);
  if (!canonical) {
    throw new EngineError('VALIDATION_FAILED', 'body.timeZone must be an IANA time zone such as Asia/Shanghai or UTC', {
      path: 'body.timeZone',
    });
  }
  return canonical;
}

function notFound(baseId: string): EngineError {
  return new EngineError('NOT_FOUND', `Base ${baseId} not found`, { baseId });
}

/** The bases `userId` belongs to; with `onlyBaseIds` (an API token's scope) narrowed to those. */
export async function listBases(platform: Platform, userId: string, onlyBaseIds?: readonly string[]): Promise<BaseView[]> {
  const bases = await listBasesOfMember(platform.database.db, userId);
  return bases
    .filter((base) => !onlyBaseIds || onlyBaseIds.includes(base.id))
    .map(({ id, name, timeZone, createdAt, role }) => ({ id, name, timeZone, createdAt, role }));
}

export async function createBase(
  platform: Platform,
  userId: string,
  input: { name: string; timeZone?: string | undefined },
): Promise<BaseView> {
  const base = {
    id: newId('base'),
    name: displayName(input.name),
    timeZone: zoneOrRefuse(input.timeZone ?? platform.config.defaultTimeZone),
    createdBy: userId,
    createdAt: nowIso(platform),
  };
  await insertBase(platform.database, base);
  return { id: base.id, name: base.name, timeZone: base.timeZone, createdAt: base.createdAt, role: 'owner' };
}

export async function getBase(platform: Platform, baseId: string, userId: string): Promise<BaseView> {
  const base = await findBaseOfMember(platform.database.db, baseId, userId);
  if (!base) throw notFound(baseId);
  return { id: base.id, name: base.name, timeZone: base.timeZone, createdAt: base.createdAt, role: base.role };
}

export async function updateBase(
  platform: Platform,
  baseId: string,
  userId: string,
  changes: { name?: string | undefined; timeZone?: string | undefined },
): Promise<BaseView> {
  await updateBaseRow(platform.database.db, baseId, {
    ...(changes.name !== undefined ? { name: displayName(changes.name) } : {}),
    ...(changes.timeZone !== undefined ? { timeZone: zoneOrRefuse(changes.timeZone) } : {}),
  });
  return getBase(platform, baseId, userId);
}

/**
 * Deletes the base in one transaction: its user tables (physical tables included) first, then
 * the base row, whose cascade takes members, fields, views and attachment rows.
 */
export async function deleteBase(platform: Platform, baseId: string): Promise<void> {
  await platform.database.transaction(async (trx) => {
    await deleteTablesOfBase(trx, baseId);
    if (!(await deleteBaseRow(trx, baseId))) throw notFound(baseId);
  });
}
