/**
 * Open realtime connections and what they receive. Each committed outbox event is turned, per
 * connection subscribed to its table, into what that caller may see (./event-for-caller.ts), in
 * commit order per connection. Who views which table is broadcast to the table's other viewers.
 *
 * Access is re-checked for every connection twice a second (RELIABILITY A1.9: a revoked role
 * reaches open sockets within a second, also when another server process made the change): a
 * session or token that ended closes the socket with 4401, a member removed from the base with
 * 4403, and a changed role sends `access.changed` — later events already follow the new role.
 */
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { isEngineError } from '@multitable/core';
import * as store from '@multitable/storage';
import { authenticate } from '../auth/authenticate';
import type { Platform } from '../platform';
import type { Caller } from '../services/access/caller';
import { findReadableTable } from '../services/access/readable-table';
import { eventForCaller } from './event-for-caller';
import { closeCodes, parseClientMessage, type ServerMessage } from './realtime-messages';

interface Connection {
  socket: WebSocket;
  request: FastifyRequest;
  caller: Caller;
  user: { id: string; name: string };
  /** The custom role's version the caller was last told about (undefined for built-in roles). */
  roleVersion: number | undefined;
  tables: Set<string>;
  /** Messages go out in the order events committed. */
  queue: Promise<void>;
}

export interface RealtimeHub {
  accept(socket: WebSocket, request: FastifyRequest, caller: Caller, user: { id: string; name: string }): void;
  /** Re-checks every connection's access now (also runs on its own twice a second). */
  recheck(): Promise<void>;
  close(): void;
}

const recheckEveryMs = 500;

async function roleVersionOf(platform: Platform, caller: Caller): Promise<number | undefined> {
  if (store.isBaseRole(caller.memberRole)) return undefined;
  return (await store.findCustomRole(platform.database.db, caller.baseId, caller.memberRole))?.version;
}

export function createRealtimeHub(platform: Platform, onError: (error: unknown) => void): RealtimeHub {
  const connections = new Set<Connection>();

  const send = (connection: Connection, message: ServerMessage) => {
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(message));
  };
  const enqueue = (connection: Connection, work: () => Promise<void>) => {
    connection.queue = connection.queue.then(work).catch(onError);
  };

  const viewersOf = (baseId: string, tableId: string) => {
    const viewers = new Map<string, { id: string; name: string }>();
    for (const other of connections) if (other.caller.baseId === baseId && other.tables.has(tableId)) viewers.set(other.user.id, other.user);
    return [...viewers.values()];
  };
  const announce = (baseId: string, tableId: string) => {
    const viewers = viewersOf(baseId, tableId);
    for (const other of connections) if (other.caller.baseId === baseId && other.tables.has(tableId)) send(other, { type: 'presence', tableId, viewers });
  };

  const unsubscribeEvents = platform.bus.subscribe((event) => {
    for (const connection of connections) {
      if (connection.caller.baseId !== event.baseId || event.tableId === null || !connection.tables.has(event.tableId)) continue;
      enqueue(connection, async () => {
        const message = await eventForCaller(platform, connection.caller, event);
        if (message) send(connection, message);
      });
    }
  });

  async function subscribe(connection: Connection, tableId: string): Promise<void> {
    const readable = await findReadableTable(platform, connection.caller, tableId);
    if (!readable) return send(connection, { type: 'error', message: `Table "${tableId}" not found` });
    const id = readable.table.id;
    connection.tables.add(id);
    send(connection, { type: 'subscribed', tableId: id });
    announce(connection.caller.baseId, id);
  }

  function drop(connection: Connection, code?: number, reason?: string): void {
    if (!connections.delete(connection)) return;
    if (code !== undefined) connection.socket.close(code, reason);
    for (const tableId of connection.tables) announce(connection.caller.baseId, tableId);
  }

  async function recheckOne(connection: Connection): Promise<void> {
    try {
      await authenticate(platform, connection.request);
    } catch (error) {
      if (isEngineError(error)) return drop(connection, closeCodes.unauthenticated, 'signed out');
      throw error;
    }
    const role = await store.findMemberRole(platform.database.db, connection.caller.baseId, connection.caller.userId);
    if (!role) return drop(connection, closeCodes.forbidden, 'no longer a member');
    const caller = { ...connection.caller, memberRole: role };
    const version = await roleVersionOf(platform, caller);
    if (role === connection.caller.memberRole && version === connection.roleVersion) return;
    connection.caller = caller;
    connection.roleVersion = version;
    send(connection, { type: 'access.changed' });
  }

  let checking: Promise<void> | undefined;
  const recheck = () => {
    checking ??= Promise.all([...connections].map((connection) => recheckOne(connection).catch(onError)))
      .then(() => undefined)
      .finally(() => (checking = undefined));
    return checking;
  };
  const timer = setInterval(() => void recheck(), recheckEveryMs);
  timer.unref();

  return {
    accept(socket, request, caller, user) {
      const connection: Connection = { socket, request, caller, user, roleVersion: undefined, tables: new Set(), queue: Promise.resolve() };
      connections.add(connection);
      enqueue(connection, async () => {
        connection.roleVersion = await roleVersionOf(platform, caller);
      });
      socket.on('message', (data) => {
        const message = parseClientMessage(String(data));
        if (!message) return send(connection, { type: 'error', message: 'Unknown message; send subscribe, unsubscribe or ping' });
        if (message.type === 'ping') return send(connection, { type: 'pong' });
        if (message.type === 'subscribe') return enqueue(connection, () => subscribe(connection, message.tableId));
        if (connection.tables.delete(message.tableId)) announce(caller.baseId, message.tableId);
      });
      socket.on('close', () => drop(connection));
      socket.on('error', () => drop(connection));
    },
    recheck,
    close() {
      clearInterval(timer);
      unsubscribeEvents();
      for (const connection of [...connections]) drop(connection, 1001, 'server shutting down');
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Open WebSocket connections and their deliveries (tests call `recheck()` instead of waiting). */
    realtime: RealtimeHub;
  }
}
