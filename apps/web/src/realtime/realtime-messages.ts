/**
 * The server's realtime protocol as the web reads it (the server's own definition is
 * apps/server/src/realtime/realtime-messages.ts; the web does not import the server, so the
 * shapes are repeated here and checked where they are read).
 */
export type TableMessage =
  | { type: 'subscribed'; tableId: string }
  | { type: 'records.created' | 'records.deleted'; tableId: string; recordIds: string[] }
  | { type: 'records.updated'; tableId: string; changes: Array<{ recordId: string; fieldIds: string[] }> }
  | { type: 'records.changed' | 'schema.changed'; tableId: string }
  | { type: 'comment.created'; tableId: string; recordId: string; commentId: string }
  | { type: 'presence'; tableId: string; viewers: Viewer[] };

export type ServerMessage = TableMessage | { type: 'access.changed' } | { type: 'pong' } | { type: 'error'; message: string };

export interface Viewer {
  id: string;
  name: string;
}

/** Why the server closed the socket: the session ended, or the user left the base. */
export const closeCodes = { unauthenticated: 4401, forbidden: 4403 } as const;

const tableTypes = new Set(['subscribed', 'records.created', 'records.deleted', 'records.updated', 'records.changed', 'schema.changed', 'comment.created', 'presence']);

export function parseServerMessage(text: string): ServerMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const message = value as { type?: unknown; tableId?: unknown };
  if (typeof message.type !== 'string') return undefined;
  if (tableTypes.has(message.type)) return typeof message.tableId === 'string' ? (value as TableMessage) : undefined;
  if (message.type === 'access.changed' || message.type === 'pong' || message.type === 'error') return value as ServerMessage;
  return undefined;
}

export function isTableMessage(message: ServerMessage): message is TableMessage {
  return 'tableId' in message;
}
