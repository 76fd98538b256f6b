/**
 * Test support for the computed types: a small base held in memory (fields by id, records by
 * table, link memberships) and a way to run a computed field's real computer over it, the way
 * the server's executor does — without a database. Imported only by tests.
 */
import { normalizeFieldOptions } from '../field-options';
import type { Field } from '../field';
import type { ComputeContext, ComputedRecord } from '../field-type';
import { getFieldType, type FieldTypeKey } from '../registry';
import { makeFormatContext } from '../test-support';
import { prepareComputedOptions } from './preparers';

export const testNow = new Date('2026-03-05T04:00:00.000Z');

let counter = 0;

/** An id like the real ones (`fld_` + 16 characters): a counter, then the label's letters. */
export function testId(prefix: 'fld' | 'tbl' | 'rec', label: string): string {
  const body = `${String(counter++).padStart(4, '0')}${label.toLowerCase().replace(/[^0-9a-z]/g, '')}${'0'.repeat(16)}`.slice(0, 16);
  return `${prefix}_${body}`;
}

export class TestBase {
  readonly fields = new Map<string, Field>();
  readonly records = new Map<string, ComputedRecord[]>();
  /** link field id → record id → linked record ids */
  readonly links = new Map<string, Map<string, string[]>>();
  timeZone = 'Asia/Shanghai';
  now = testNow;

  /** Adds a stored field (options completed with defaults). */
  add(tableId: string, name: string, type: FieldTypeKey, options: Record<string, unknown> = {}, isPrimary = false): Field {
    const field: Field = { id: testId('fld', name), tableId, name, type, options: normalizeFieldOptions(type, options), description: '', isPrimary };
    this.fields.set(field.id, field);
    return field;
  }

  /** Adds a computed field, its options prepared as the server prepares them when saving. */
  addComputed(tableId: string, name: string, type: FieldTypeKey, options: Record<string, unknown>): Field {
    const id = testId('fld', name);
    const prepared = prepareComputedOptions(type, normalizeFieldOptions(type, options), { field: { id, tableId, name }, fields: this.fields });
    const field: Field = { id, tableId, name, type, options: normalizeFieldOptions(type, prepared), description: '', isPrimary: false };
    this.fields.set(id, field);
    return field;
  }

  record(tableId: string, id: string, values: Record<string, unknown>, times: Partial<Pick<ComputedRecord, 'createdTime' | 'modifiedTime'>> = {}): ComputedRecord {
    const record: ComputedRecord = {
      id,
      values,
      createdTime: times.createdTime ?? '2026-03-01T00:00:00.000Z',
      modifiedTime: times.modifiedTime ?? '2026-03-02T00:00:00.000Z',
    };
    this.records.set(tableId, [...(this.records.get(tableId) ?? []), record]);
    return record;
  }

  link(linkField: Field, from: string, to: readonly string[]): void {
    const members = this.links.get(linkField.id) ?? new Map<string, string[]>();
    members.set(from, [...to]);
    this.links.set(linkField.id, members);
  }

  context(): ComputeContext {
    const primaries = new Map([...this.fields.values()].filter((f) => f.isPrimary).map((f) => [f.tableId, f.id]));
    return {
      fields: this.fields,
      primaryFieldIdOf: (tableId) => primaries.get(tableId),
      now: this.now,
      timeZone: this.timeZone,
      format: makeFormatContext({ timeZone: this.timeZone }),
    };
  }

  /** The field's value for one record, computed by its type's computer. */
  compute(field: Field, record: ComputedRecord): unknown {
    const computer = getFieldType(field.type).computer!(field, this.context());
    return computer.compute({
      record,
      linked: (linkFieldId) => {
        const link = this.fields.get(linkFieldId);
        const targetTable = String((link?.options as { linkedTableId?: unknown } | undefined)?.linkedTableId ?? '');
        const ids = this.links.get(linkFieldId)?.get(record.id) ?? [];
        const pool = new Map((this.records.get(targetTable) ?? []).map((candidate) => [candidate.id, candidate]));
        return ids.flatMap((id) => pool.get(id) ?? []);
      },
    });
  }

  dependencies(field: Field) {
    return getFieldType(field.type).computer!(field, this.context()).dependencies;
  }
}
