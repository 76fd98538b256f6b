import { describe, expect, it } from 'vitest';
import { makeCastContext, makeFormatContext, testUsers } from '../test-support';
import { modifiedBy } from './modified-by';

const alice = testUsers[0]!;

describe('modifiedBy', () => {
  it('is a read-only system field backed by the modified_by column', () => {
    expect(modifiedBy.writable).toBe(false);
    expect(modifiedBy.storage).toEqual({ system: 'modifiedBy' });
  });
  it('validates a known user id, or { id }', () => {
    expect(modifiedBy.cast(alice.id, {}, makeCastContext())).toEqual({ ok: true, value: alice.id });
    expect(modifiedBy.cast({ id: alice.id }, {}, makeCastContext())).toEqual({ ok: true, value: alice.id });
  });
  it('refuses ids of unknown users and emails unless typecasting', () => {
    expect(modifiedBy.cast('usr_nobody0000000000', {}, makeCastContext())).toEqual({ ok: false, reason: '"usr_nobody0000000000" is not the id of a user' });
    expect(modifiedBy.cast(alice.email, {}, makeCastContext()).ok).toBe(false);
    expect(modifiedBy.cast(alice.email, {}, makeCastContext({ typecast: true }))).toEqual({ ok: true, value: alice.id });
  });
  it('presents and formats the user', () => {
    expect(modifiedBy.present?.(alice.id, {}, makeFormatContext())).toEqual({ id: alice.id, name: 'Alice Chen', email: 'alice@example.com' });
    expect(modifiedBy.present?.('usr_gone000000000000', {}, makeFormatContext())).toEqual({ id: 'usr_gone000000000000', name: '', email: '' });
    expect(modifiedBy.format(alice.id, {}, makeFormatContext())).toBe('Alice Chen');
  });
  it('offers identity operators', () => {
    expect(modifiedBy.operators).toEqual(['is', 'isNot', 'isAnyOf', 'isNoneOf']);
  });
});
