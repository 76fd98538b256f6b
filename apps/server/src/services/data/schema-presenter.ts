/** Tables, fields and views as the API shows them. */
import type { Field } from '@multitable/core';
import type { TableMeta, ViewMeta } from '@multitable/storage';

export interface ApiField {
  id: string;
  name: string;
  type: string;
  options: Record<string, unknown>;
  description: string;
  isPrimary: boolean;
}

export interface ApiView {
  id: string;
  name: string;
  type: string;
  config: unknown;
}

export interface ApiTable {
  id: string;
  name: string;
  description: string;
  primaryFieldId: string;
  fields: ApiField[];
  views: ApiView[];
}

export function presentField(field: Field): ApiField {
  return {
    id: field.id,
    name: field.name,
    type: field.type,
    options: field.options,
    description: field.description,
    isPrimary: field.isPrimary,
  };
}

export function presentView(view: ViewMeta): ApiView {
  return { id: view.id, name: view.name, type: view.type, config: view.config };
}

export function presentTable(table: TableMeta, fields: readonly Field[], views: readonly ViewMeta[]): ApiTable {
  return {
    id: table.id,
    name: table.name,
    description: table.description,
    primaryFieldId: table.primaryFieldId,
    fields: fields.map(presentField),
    views: views.map(presentView),
  };
}
