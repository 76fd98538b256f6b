/**
 * What every CellWriter of the web app is given alike, whether it serves the grid or a card
 * layout: its refusal texts in the user's language, and where edits made offline wait — the
 * browser's storage, per user and base, so that a reload loses none (./waiting-batches).
 */
import type { TFunction } from 'i18next';
import type { WriterDeps, WriterMessages } from './cell-writer';
import { waitingKey } from './waiting-batches';

export function writerMessages(t: TFunction): WriterMessages {
  return {
    readOnly: (field) => t('grid.readOnly', { field: field.name }),
    notAllowed: (field) => t('grid.notAllowed', { field: field.name }),
    invalid: (field, reason) => t('grid.invalid', { field: field.name, reason }),
  };
}

/** The waiting store of the signed-in user in a base (none before sign-in: memory only). */
export function persistentWaiting(userId: string | undefined, baseId: string): Pick<WriterDeps, 'waitingStore'> {
  return userId ? { waitingStore: { storage: window.localStorage, key: waitingKey(userId, baseId) } } : {};
}
