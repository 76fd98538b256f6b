/** Builds core's CastContext for a write: the base's zone, the clock, users and attachments. */
import type { CastContext } from '@multitable/core';
import type { Executor } from '@multitable/storage';
import type { Platform } from '../../platform';
import { loadAttachmentDirectory, loadUserDirectory } from './directories';

export async function buildCastContext(
  platform: Platform,
  db: Executor,
  scope: { baseId: string; timeZone: string; typecast: boolean; input: unknown },
): Promise<CastContext> {
  const [users, attachments] = await Promise.all([loadUserDirectory(db), loadAttachmentDirectory(db, scope.baseId, scope.input)]);
  return { typecast: scope.typecast, timeZone: scope.timeZone, now: new Date(platform.clock()), users, attachments };
}
