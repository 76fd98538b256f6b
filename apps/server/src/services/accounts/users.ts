/** The user directory: the instance owner adds accounts; signed-in users list them. */
import { newId } from '@multitable/core';
import { insertUser, listUsers as listUserRows, type UserSummary } from '@multitable/storage';
import { nowIso, type Platform } from '../../platform';
import { hashPassword } from '../../auth/passwords';
import { displayName, normalizeEmail } from './identity';

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
}

export async function createUser(platform: Platform, input: NewUserInput): Promise<UserSummary> {
  const user = {
    id: newId('user'),
    email: normalizeEmail(input.email),
    name: displayName(input.name),
  };
  await insertUser(platform.database.db, {
    ...user,
    passwordHash: await hashPassword(input.password),
    createdAt: nowIso(platform),
  });
  return user;
}

export async function listUsers(platform: Platform): Promise<UserSummary[]> {
  return listUserRows(platform.database.db);
}
