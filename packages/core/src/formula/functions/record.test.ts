import { describe, expect, it } from 'vitest';
import { run } from '../test-support';

describe('record functions', () => {
  it('RECORD_ID gives the record id', () => {
    expect(run('RECORD_ID()', { recordId: 'rec_abc0000000000000' })).toBe('rec_abc0000000000000');
    expect(run('"https://example.com/r/" & RECORD_ID()', { recordId: 'rec_x' })).toBe('https://example.com/r/rec_x');
  });
  it('CREATED_TIME and LAST_MODIFIED_TIME give the record times, blank when unknown', () => {
    const times = { createdTime: '2026-01-02T03:04:05.000Z', lastModifiedTime: new Date('2026-03-01T00:00:00Z') };
    expect(run('CREATED_TIME()', times)).toBe('2026-01-02T03:04:05.000Z');
    expect(run('LAST_MODIFIED_TIME()', times)).toBe('2026-03-01T00:00:00.000Z');
    expect(run('DATETIME_DIFF(LAST_MODIFIED_TIME(), CREATED_TIME(), "days")', times)).toBe(57);
    expect(run('CREATED_TIME()')).toBeNull();
  });
  it('LAST_MODIFIED_TIME of fields gives the latest change among them, else the record’s', () => {
    const options = {
      fields: { Status: { kind: 'text' as const }, Notes: { kind: 'text' as const }, Other: { kind: 'text' as const } },
      lastModifiedTime: '2026-03-04T00:00:00.000Z',
      fieldModifiedTimes: { Status: '2026-02-01T00:00:00.000Z', Notes: '2026-02-10T00:00:00.000Z' },
    };
    expect(run('LAST_MODIFIED_TIME({Status})', options)).toBe('2026-02-01T00:00:00.000Z');
    expect(run('LAST_MODIFIED_TIME({Status}, {Notes})', options)).toBe('2026-02-10T00:00:00.000Z');
    expect(run('LAST_MODIFIED_TIME({Other})', options)).toBe('2026-03-04T00:00:00.000Z');
  });
});
