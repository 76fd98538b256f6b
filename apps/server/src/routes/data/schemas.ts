/**
 * Request and response schemas of the data routes (tables, fields, views, records), in
 * TypeBox: fastify validates with them and @fastify/swagger publishes them at /api/docs.
 * Record shapes follow Airtable's: `{ id, createdTime, fields }`, batches of up to 1000.
 */
import { Type, type Static } from '@sinclair/typebox';
import { viewTypes } from '@multitable/core';

export const maxBatchSize = 1000;

export const BaseParams = Type.Object({ baseId: Type.String() });
export const TableParams = Type.Object({
  baseId: Type.String(),
  tableId: Type.String({ description: 'Table id, or the exact table name' }),
});
export const FieldParams = Type.Object({ baseId: Type.String(), tableId: Type.String(), fieldId: Type.String() });
export const ViewParams = Type.Object({ baseId: Type.String(), tableId: Type.String(), viewId: Type.String() });
export const RecordParams = Type.Object({ baseId: Type.String(), tableId: Type.String(), recordId: Type.String() });
export const AttachmentParams = Type.Object({ baseId: Type.String(), attachmentId: Type.String() });

const Name = Type.String({ minLength: 1, maxLength: 255 });
const Description = Type.String({ maxLength: 20_000 });
const Options = Type.Record(Type.String(), Type.Unknown(), { description: 'Type-specific options; see the field type' });

export const Placement = Type.Object(
  {
    before: Type.Optional(Type.String()),
    after: Type.Optional(Type.String()),
  },
  { additionalProperties: false, description: 'Place before or after a sibling (neither = at the end)' },
);

export const FieldInput = Type.Object(
  {
    name: Name,
    type: Type.String({ description: 'Field type key, e.g. singleLineText, number, singleSelect' }),
    options: Type.Optional(Options),
    description: Type.Optional(Description),
  },
  { additionalProperties: false },
);

export const FieldPatchBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    type: Type.Optional(Type.String()),
    options: Type.Optional(Options),
    move: Type.Optional(Placement),
  },
  { additionalProperties: false },
);

export const CreateTableBody = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    fields: Type.Optional(Type.Array(FieldInput, { maxItems: 500, description: 'The first field becomes the primary field' })),
    firstView: Type.Optional(
      Type.Object({ name: Name }, { additionalProperties: false, description: 'The first view, a grid (default name "Grid view"): clients name it in their user\'s language' }),
    ),
  },
  { additionalProperties: false },
);

export const TablePatchBody = Type.Object(
  { name: Type.Optional(Name), description: Type.Optional(Description), move: Type.Optional(Placement) },
  { additionalProperties: false },
);

export const ViewInput = Type.Object(
  {
    name: Name,
    type: Type.Optional(Type.Union(viewTypes.map((type) => Type.Literal(type)), { description: 'grid (default), kanban, calendar or gallery' })),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    personal: Type.Optional(Type.Boolean({ description: 'Only you will see it (any member may make one); shared views need an owner or admin' })),
  },
  { additionalProperties: false },
);

export const ViewPatchBody = Type.Object(
  {
    name: Type.Optional(Name),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    move: Type.Optional(Placement),
    locked: Type.Optional(Type.Boolean({ description: 'Lock (true) or unlock (false); a locked view refuses other changes' })),
  },
  { additionalProperties: false },
);

const CellValues = Type.Record(Type.String(), Type.Unknown(), { description: 'Cell values keyed by field name or field id' });

export const RecordInput = Type.Object(
  { id: Type.Optional(Type.String({ description: 'Client-generated rec_ id: retrying a create with it never duplicates' })), fields: CellValues },
  { additionalProperties: false },
);

const WriteFlags = {
  typecast: Type.Optional(Type.Boolean({ description: 'Parse loose text and add unknown select choices' })),
  returnFieldsByFieldId: Type.Optional(Type.Boolean()),
};

export const CreateRecordsBody = Type.Object(
  {
    records: Type.Optional(Type.Array(RecordInput, { minItems: 1, maxItems: maxBatchSize })),
    fields: Type.Optional(CellValues),
    ...WriteFlags,
  },
  { additionalProperties: false, description: 'Either `records` (a batch) or `fields` (one record)' },
);

export const UpdateRecordsBody = Type.Object(
  {
    records: Type.Array(Type.Object({ id: Type.String(), fields: CellValues }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: maxBatchSize,
    }),
    ...WriteFlags,
  },
  { additionalProperties: false },
);

export const UpdateRecordBody = Type.Object({ fields: CellValues, ...WriteFlags }, { additionalProperties: false });

const FieldList = Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 500 })]);

/** Listing parameters shared by `GET …/records` (query string) and `POST …/records/query` (body). */
const listProperties = {
  view: Type.Optional(Type.String({ description: 'View id or name: its filter, sorts and field order apply' })),
  fields: Type.Optional(FieldList),
  'fields[]': Type.Optional(FieldList),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: maxBatchSize, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, description: 'Records to skip; the response gives the next offset' })),
  returnFieldsByFieldId: Type.Optional(Type.Boolean()),
};

export const ListRecordsQuery = Type.Object(
  {
    ...listProperties,
    filter: Type.Optional(Type.String({ description: 'Filter tree as JSON: {"conjunction":"and","conditions":[…]}' })),
    sort: Type.Optional(Type.String({ description: 'Sorts as JSON: [{"field":"Name","direction":"asc"}]' })),
  },
  { additionalProperties: false },
);

export const QueryRecordsBody = Type.Object(
  {
    ...listProperties,
    filter: Type.Optional(Type.Unknown({ description: 'Filter tree' })),
    sort: Type.Optional(Type.Unknown({ description: 'Sorts' })),
  },
  { additionalProperties: false },
);

export const DeleteRecordsQuery = Type.Object(
  {
    records: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: maxBatchSize })])),
    'records[]': Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: maxBatchSize })])),
  },
  { additionalProperties: false },
);

export const HistoryQuery = Type.Object(
  {
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'History entry id to page back from' })),
  },
  { additionalProperties: false },
);

export const ApiRecordSchema = Type.Object({
  id: Type.String(),
  createdTime: Type.String(),
  fields: Type.Record(Type.String(), Type.Unknown()),
});

export type ListRecordsQueryType = Static<typeof ListRecordsQuery>;
export type QueryRecordsBodyType = Static<typeof QueryRecordsBody>;
