import { describe, expect, it } from 'vitest';
import { makeCastContext, makeFormatContext, testUsers } from '../test-support';
import { createdBy } from './created-by';

const alice = testUsers[0]!;

describe('createdBy', () => {
  it('is a read-only system field backed by the created_by column', () => {
    expect(createdBy.writable).toBe(false);
    expect(createdBy.storage).toEqual({ system: 'createdBy' });
  });
  it('validates a known user id, or { id }', () => {
    expect(createdBy.cast(alice.id, {}, makeCastContext())).toEqual({ ok: true, value: alice.id });
    expect(createdBy.cast({ id: alice.id }, {}, makeCastContext())).toEqual({ ok: true, value: alice.id });
  });
  it('refuses ids of unknown users and emails unless typecasting', () => {
    expect(createdBy.cast('usr_nobody0000000000', {}, makeCastContext())).toEqual({ ok: false, reason: '"usr_nobody0000000000" is not the id of a user' });
    expect(createdBy.cast(alice.email, {}, makeCastContext()).ok).toBe(false);
    expect(createdBy.cast(alice.email, {}, makeCastContext({ typecast: true }))).toEqual({ ok: true, value: alice.id });
  });
  it('presents and formats the user', () => {
    expect(createdBy.present?.(alice.id, {}, makeFormatContext())).toEqual({ id: alice.id, name: 'Alice Chen', email: 'alice@example.com' });
    expect(createdBy.present?.('usr_gone000000000000', {}, makeFormatContext())).toEqual({ id: 'usr_gone000000000000', name: '', email: '' });
    expect(createdBy.format(alice.id, {}, makeFormatContext())).toBe('Alice Chen');
  });
  it('offers identity operators', () => {
    expect(createdBy.operators).toEqual(['is', 'isNot', 'isAnyOf', 'isNoneOf']);
  });
});
