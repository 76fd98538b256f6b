/**
 * Builds core's CastContext for a write: the base's zone, the clock, users and attachments, and —
 * when the write has link cells — the linked records they name (see links/link-directory.ts).
 */
import type { CastContext, Field } from '@multitable/core';
import type { Executor } from '@multitable/storage';
import type { Platform } from '../../platform';
import { loadAttachmentDirectory, loadUserDirectory } from './directories';
import { loadLinkDirectory } from './links/link-directory';

export interface LinkCastScope {
  /** The link fields whose cells are cast. */
  fields: readonly Field[];
  /** The cells to be cast (API batch entries, or a column being converted). */
  cells: Iterable<{ field: Field; value: unknown }>;
}

export async function buildCastContext(
  platform: Platform,
  db: Executor,
  scope: { baseId: string; timeZone: string; usersVersion?: string; typecast: boolean; input: unknown; links?: LinkCastScope },
): Promise<CastContext> {
  const [users, attachments] = await Promise.all([loadUserDirectory(db, scope.usersVersion), loadAttachmentDirectory(db, scope.baseId, scope.input)]);
  const ctx: CastContext = { typecast: scope.typecast, timeZone: scope.timeZone, now: new Date(platform.clock()), users, attachments };
  if (!scope.links || scope.links.fields.length === 0) return ctx;
  const links = await loadLinkDirectory(db, platform.database.dialect, {
    linkFields: scope.links.fields,
    cells: scope.links.cells,
    typecast: scope.typecast,
    format: { timeZone: scope.timeZone, locale: 'en', users },
    castContext: ctx,
  });
  return { ...ctx, links };
}
