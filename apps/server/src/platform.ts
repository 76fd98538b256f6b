/**
 * What every service needs: the database, the configuration and the clock. Built once in
 * buildApp and decorated on the fastify instance as `app.platform`, so route plugins (the data
 * routes included) hand it to services — services never see `request` or `reply`.
 * The clock is injectable so tests can expire sessions without sleeping.
 */
import type { Database } from '@multitable/storage';
import type { ServerConfig } from './config';
import type { AttachmentStore } from './services/data/attachment-store';
import type { EventBus } from './services/data/event-bus';

/** Milliseconds since the epoch, like `Date.now`. */
export type Clock = () => number;

export interface Platform {
  readonly database: Database;
  readonly config: ServerConfig;
  readonly clock: Clock;
  /** After-commit delivery of outbox events (realtime, automations). */
  readonly bus: EventBus;
  /** Uploaded files under the data directory. */
  readonly attachments: AttachmentStore;
}

/** The clock's current time as the ISO-8601 UTC text the store keeps. */
export function nowIso(platform: Pick<Platform, 'clock'>, offsetMs = 0): string {
  return new Date(platform.clock() + offsetMs).toISOString();
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}
