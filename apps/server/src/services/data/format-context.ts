/** Core's FormatContext for presenting values: the base's zone and the user directory. */
import type { FormatContext } from '@multitable/core';
import type { Executor } from '@multitable/storage';
import { loadUserDirectory } from './directories';

/** `base.usersVersion`: the directory's version when the caller read it with the base's (one read less). */
export async function buildFormatContext(db: Executor, base: { timeZone: string; usersVersion?: string }, locale = 'en'): Promise<FormatContext> {
  return { timeZone: base.timeZone, locale, users: await loadUserDirectory(db, base.usersVersion) };
}
