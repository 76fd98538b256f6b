/** Tables, fields and views as the API shows them. */
import type { ApiField, ApiTable, ApiView, Field } from '@multitable/core';
import type { TableMeta, ViewMeta } from '@multitable/storage';
import { presentComputedOptions } from './computed-fields';

export type { ApiField, ApiTable, ApiView };

/**
 * A field as the API shows it. With the fields of its table, a formula's options also carry
 * `formulaText`: the formula with field names (it is stored with ids).
 */
export function presentField(field: Field, tableFields?: readonly Field[]): ApiField {
  return {
    id: field.id,
    name: field.name,
    type: field.type,
    options: tableFields ? presentComputedOptions(field, new Map(tableFields.map((f) => [f.id, f]))) : field.options,
    description: field.description,
    isPrimary: field.isPrimary,
  };
}

/** The fields of one table, as the API shows them. */
export function presentFields(fields: readonly Field[]): ApiField[] {
  return fields.map((field) => presentField(field, fields));
}

export function presentView(view: ViewMeta): ApiView {
  return { id: view.id, name: view.name, type: view.type, config: view.config, personal: view.ownerId !== null, locked: view.locked };
}

export function presentTable(table: TableMeta, fields: readonly Field[], views: readonly ViewMeta[]): ApiTable {
  return {
    id: table.id,
    name: table.name,
    description: table.description,
    primaryFieldId: table.primaryFieldId,
    fields: presentFields(fields),
    views: views.map(presentView),
  };
}
