/**
 * One WebSocket to a base's realtime endpoint, kept open while the base is on screen: it
 * subscribes to the tables being shown, hands each table's messages to that table's listeners,
 * and comes back after a lost connection — with growing pauses, at once when the browser says it
 * is online again — subscribing anew and telling listeners to read again (`resync`), since
 * changes made meanwhile were not sent.
 *
 * A connection counts as lost when the socket closes, when the browser goes offline, or when a
 * ping gets no answer. Closed by the server with 4401 (signed out) or 4403 (no longer a member)
 * it stays closed: reconnecting would only be refused again.
 */
import { closeCodes, isTableMessage, parseServerMessage, type ServerMessage, type TableMessage } from './realtime-messages';

export type ConnectionStatus = 'connecting' | 'open' | 'lost' | 'signedOut' | 'forbidden';

export interface TableListener {
  onMessage(message: TableMessage): void;
  /** The connection came back: read everything shown again. */
  onResync(): void;
}

const retryDelaysMs = [500, 1000, 2000, 5000];
const pingEveryMs = 20_000;
const pongWithinMs = 10_000;

export class RealtimeConnection {
  private socket: WebSocket | undefined;
  private readonly tables = new Map<string, Set<TableListener>>();
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private readonly accessListeners = new Set<() => void>();
  private statusValue: ConnectionStatus = 'connecting';
  private attempts = 0;
  private everOpened = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly url: string) {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.open();
  }

  get status(): ConnectionStatus {
    return this.statusValue;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The user's role changed: permissions and everything shown must be read again. */
  onAccessChanged(listener: () => void): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  subscribe(tableId: string, listener: TableListener): () => void {
    let listeners = this.tables.get(tableId);
    if (!listeners) {
      listeners = new Set();
      this.tables.set(tableId, listeners);
      this.send({ type: 'subscribe', tableId });
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      this.tables.delete(tableId);
      this.send({ type: 'unsubscribe', tableId });
    };
  }

  close(): void {
    this.closed = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.stopTimers();
    this.socket?.close(1000);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.statusValue) return;
    this.statusValue = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private send(message: object): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private open(): void {
    if (this.closed) return;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      const resync = this.everOpened;
      this.everOpened = true;
      this.attempts = 0;
      for (const tableId of this.tables.keys()) this.send({ type: 'subscribe', tableId });
      this.startPing();
      this.setStatus('open');
      if (resync) for (const listeners of this.tables.values()) for (const listener of listeners) listener.onResync();
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      const message = parseServerMessage(String(event.data));
      if (message) this.dispatch(message);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.stopTimers();
      if (event.code === closeCodes.unauthenticated) return this.setStatus('signedOut');
      if (event.code === closeCodes.forbidden) return this.setStatus('forbidden');
      if (!this.closed) this.lost();
    };
  }

  private dispatch(message: ServerMessage): void {
    if (message.type === 'pong') return clearTimeout(this.pongTimer);
    if (message.type === 'access.changed') {
      for (const listener of this.accessListeners) listener();
      return;
    }
    if (!isTableMessage(message)) return;
    for (const listener of this.tables.get(message.tableId) ?? []) listener.onMessage(message);
  }

  private lost(): void {
    this.setStatus('lost');
    this.dropSocket();
    if (!navigator.onLine) return; // `online` reopens
    const delay = retryDelaysMs[Math.min(this.attempts, retryDelaysMs.length - 1)]!;
    this.attempts += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = undefined;
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      socket.onclose = null;
      socket.close();
    }
  }

  private readonly onOnline = () => {
    if (this.closed || this.statusValue === 'open' || this.statusValue === 'signedOut' || this.statusValue === 'forbidden') return;
    clearTimeout(this.retryTimer);
    this.attempts = 0;
    this.open();
  };

  private readonly onOffline = () => {
    if (this.closed || this.statusValue === 'signedOut' || this.statusValue === 'forbidden') return;
    this.stopTimers();
    this.lost();
  };

  private startPing(): void {
    this.pingTimer = setInterval(() => {
      this.send({ type: 'ping' });
      clearTimeout(this.pongTimer);
      this.pongTimer = setTimeout(() => this.lost(), pongWithinMs);
    }, pingEveryMs);
  }

  private stopTimers(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    clearTimeout(this.retryTimer);
  }
}

/** The realtime URL of a base on this server (same origin; the session cookie goes along). */
export function realtimeUrl(baseId: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/bases/${encodeURIComponent(baseId)}/realtime`;
}
