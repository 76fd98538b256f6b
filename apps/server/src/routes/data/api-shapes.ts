/** Response shapes of the data routes (tables, fields, views), published at /api/docs. */
import { Type } from '@sinclair/typebox';

export const ApiFieldSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  options: Type.Record(Type.String(), Type.Unknown()),
  description: Type.String(),
  isPrimary: Type.Boolean(),
});

export const ApiViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  config: Type.Unknown({ description: 'Filter, sorts, hidden fields, field order, widths, frozen columns, row height' }),
  personal: Type.Boolean({ description: "The caller's own view, which only they see" }),
  locked: Type.Boolean({ description: 'Name and configuration cannot change until the view is unlocked' }),
});

export const ApiTableSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  primaryFieldId: Type.String(),
  fields: Type.Array(ApiFieldSchema),
  views: Type.Array(ApiViewSchema),
});

export const DeletedSchema = Type.Object({ id: Type.String(), deleted: Type.Literal(true) });

export const ConversionReportSchema = Type.Object({
  converted: Type.Integer(),
  failed: Type.Integer(),
  failures: Type.Array(Type.Object({ recordId: Type.String(), value: Type.Unknown(), reason: Type.String() }), {
    description: 'The first 100 values that could not be converted; they are now empty, and their old values are in the record history',
  }),
});
