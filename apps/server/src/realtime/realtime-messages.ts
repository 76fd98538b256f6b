/**
 * The realtime protocol, JSON text frames on `GET /api/v1/bases/:baseId/realtime` (WebSocket).
 *
 * Client → server:
 *   { type: 'subscribe', tableId }      start receiving a table's changes; announces you as a viewer
 *   { type: 'unsubscribe', tableId }
 *   { type: 'ping' }                    answered with { type: 'pong' }
 * Server → client:
 *   { type: 'subscribed', tableId }
 *   { type: 'records.created' | 'records.deleted', tableId, recordIds }
 *   { type: 'records.updated', tableId, changes: [{ recordId, fieldIds }] }
 *   { type: 'records.changed', tableId }        something changed that the caller may not be told
 *                                               in detail (re-read what you show)
 *   { type: 'schema.changed', tableId }         fields, views or the table changed (re-read the schema)
 *   { type: 'comment.created', tableId, recordId, commentId }
 *   { type: 'presence', tableId, viewers: [{ id, name }] }
 *   { type: 'access.changed' }                  the caller's role changed: re-read everything
 *   { type: 'error', message }
 * Close codes: 4401 the session or token ended; 4403 no longer a member of the base.
 * Every message is what the caller may know under their permissions (services/access): record
 * ids only of records they can read, field ids only of fields they can read.
 */
export const closeCodes = { unauthenticated: 4401, forbidden: 4403 } as const;

export type ClientMessage = { type: 'subscribe'; tableId: string } | { type: 'unsubscribe'; tableId: string } | { type: 'ping' };

export type ServerMessage =
  | { type: 'subscribed'; tableId: string }
  | { type: 'records.created' | 'records.deleted'; tableId: string; recordIds: string[] }
  | { type: 'records.updated'; tableId: string; changes: Array<{ recordId: string; fieldIds: string[] }> }
  | { type: 'records.changed' | 'schema.changed'; tableId: string }
  | { type: 'comment.created'; tableId: string; recordId: string; commentId: string }
  | { type: 'presence'; tableId: string; viewers: Array<{ id: string; name: string }> }
  | { type: 'access.changed' }
  | { type: 'pong' }
  | { type: 'error'; message: string };

const maxMessageLength = 4096;

/** Parses a client frame; undefined for anything that is not one of the messages above. */
export function parseClientMessage(text: string): ClientMessage | undefined {
  if (text.length > maxMessageLength) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'ping') return { type: 'ping' };
  if ((message.type === 'subscribe' || message.type === 'unsubscribe') && typeof message.tableId === 'string') {
    return { type: message.type, tableId: message.tableId };
  }
  return undefined;
}
