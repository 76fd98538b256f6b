/**
 * Kysely's view of the meta schema (see migrations/). User tables (`t_<tableId>`) are
 * dynamic and are queried without this typing. Timestamps are ISO-8601 UTC text;
 * flags are 0/1 integers; JSON is text.
 */
import type { Generated } from 'kysely';

export interface MetaSchema {
  meta_migrations: { version: number; name: string; applied_at: string };
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    is_instance_owner: number;
    disabled: number;
    created_at: string;
  };
  sessions: {
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
  };
  api_tokens: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    access: string;
    base_ids: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  login_failures: { id: Generated<number>; key: string; at: string };
  bases: { id: string; name: string; time_zone: string; created_by: string; created_at: string; schema_version: Generated<number | string> };
  /** Versions of metadata other than a base's schema (`users`: the user directory), random tokens. */
  meta_versions: { name: string; token: string };
  /** `role`: a built-in role's key or a custom role's id (`rol_…`). */
  base_members: { base_id: string; user_id: string; role: string; created_at: string };
  comments: {
    seq: Generated<number>;
    id: string;
    base_id: string;
    table_id: string;
    record_id: string;
    author_id: string;
    text: string;
    mentions: string;
    created_at: string;
    updated_at: string;
  };
  roles: { id: string; base_id: string; name: string; description: string; rules: string; version: number; created_at: string; updated_at: string };
  tables: {
    id: string;
    base_id: string;
    name: string;
    description: string;
    position: string;
    auto_number_seq: number;
    created_at: string;
  };
  fields: {
    id: string;
    table_id: string;
    name: string;
    type: string;
    options: string;
    description: string;
    is_primary: number;
    position: string;
    created_at: string;
  };
  views: {
    id: string;
    table_id: string;
    name: string;
    type: string;
    config: string;
    position: string;
    created_at: string;
    /** The user a personal view belongs to; NULL for a shared view. */
    owner_id: string | null;
    /** 1 while the view's name and configuration are locked. */
    locked: Generated<number>;
  };
  attachments: {
    id: string;
    base_id: string;
    name: string;
    mime_type: string;
    size: number;
    storage_key: string;
    created_by: string;
    created_at: string;
  };
  history: {
    id: Generated<number>;
    change_id: string;
    base_id: string;
    table_id: string;
    record_id: string;
    field_id: string | null;
    action: string;
    actor_id: string;
    source: string;
    at: string;
    old_value: string | null;
    new_value: string | null;
    /** JSON `[[fieldId, value], …]`: the cells of a record entry stored in one row (changes/history-rows.ts). */
    cells: string | null;
  };
  outbox: {
    id: Generated<number>;
    base_id: string;
    table_id: string | null;
    type: string;
    payload: string;
    actor_id: string;
    created_at: string;
    dispatched_at: string | null;
  };
}
