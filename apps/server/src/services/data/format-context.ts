/** Core's FormatContext for presenting values: the base's zone and the user directory. */
import type { FormatContext } from '@multitable/core';
import type { Executor } from '@multitable/storage';
import { loadUserDirectory } from './directories';

export async function buildFormatContext(db: Executor, timeZone: string, locale = 'en'): Promise<FormatContext> {
  return { timeZone, locale, users: await loadUserDirectory(db) };
}
