/**
 * Core's cast and format functions look users and attachments up synchronously; this loads
 * what a request needs first. Users: every account (an instance has hundreds, not millions).
 * Attachments: only the ids that appear in the input — found by their id shape, so this
 * module needs to know nothing about which field types hold attachments.
 */
import { isId, type AttachmentDirectory, type AttachmentInfo, type DirectoryUser, type UserDirectory } from '@multitable/core';
import { getAttachmentsByIds, listUsers, type Executor } from '@multitable/storage';
import { cachedUserDirectory } from './metadata-cache';

/** Every account, as core looks users up; rebuilt only after the users table changed (`version`: read already). */
export function loadUserDirectory(db: Executor, version?: string): Promise<UserDirectory> {
  return cachedUserDirectory(db, () => readUserDirectory(db), version);
}

async function readUserDirectory(db: Executor): Promise<UserDirectory> {
  const users: DirectoryUser[] = (await listUsers(db)).map((user) => ({ id: user.id, name: user.name, email: user.email }));
  const byId = new Map(users.map((user) => [user.id, user]));
  const byEmail = new Map(users.map((user) => [user.email.toLowerCase(), user]));
  const byName = new Map<string, DirectoryUser | null>();
  for (const user of users) byName.set(user.name, byName.has(user.name) ? null : user); // null = ambiguous
  return {
    byId: (id) => byId.get(id),
    byText(text) {
      const key = text.trim();
      return byEmail.get(key.toLowerCase()) ?? byName.get(key) ?? undefined;
    },
  };
}

/** Collects every string shaped like an attachment id, iteratively (input depth is bounded anyway). */
function attachmentIdsIn(input: unknown): string[] {
  const found = new Set<string>();
  const stack: unknown[] = [input];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isId('attachment', node)) found.add(node);
    else if (node !== null && typeof node === 'object') stack.push(...Object.values(node));
  }
  return [...found];
}

export async function loadAttachmentDirectory(db: Executor, baseId: string, input: unknown): Promise<AttachmentDirectory> {
  const ids = attachmentIdsIn(input);
  const rows: AttachmentInfo[] = ids.length === 0 ? [] : await getAttachmentsByIds(db, baseId, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { byId: (id) => byId.get(id) };
}
