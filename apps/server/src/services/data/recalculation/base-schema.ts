/**
 * Every table and field of a base, and the computers of its computed fields: what the
 * recalculation executor and fills work from. Loaded per change — a base has hundreds of
 * fields — so it is always current, including inside the transaction that changed the schema
 * (the tables and fields come from the metadata cache, checked against the schema version).
 * A background fill builds it once and again only when the base's schema version moves (see
 * ./fill-batch.ts): `readBaseDefinition` and `buildBaseSchema` are the two halves of a load.
 */
import { buildDependencyGraph, getFieldType, type ComputeContext, type DependencyGraph, type Field, type FieldComputer } from '@multitable/core';
import { listFields, listTables, linkedTableIdOf, type Executor, type TableMeta } from '@multitable/storage';
import { baseVersion, cachedFields, cachedTables } from '../metadata-cache';

export interface BaseSchema {
  tables: TableMeta[];
  fieldsById: ReadonlyMap<string, Field>;
  computers: ReadonlyMap<string, FieldComputer>;
  graph: DependencyGraph;
  context: ComputeContext;
}

/** The base's tables and fields as stored: what a schema is built from. */
export interface BaseDefinition {
  tables: TableMeta[];
  fields: Field[];
}

/**
 * From the metadata cache when the base's schema version (read here, so inside a transaction that
 * changed the schema it is that change's own version, which no entry has) was cached: one
 * indexed read per change instead of every table and field read and parsed again. Cached entries
 * are frozen and shared; nothing built from a definition changes it.
 */
export async function readBaseDefinition(db: Executor, baseId: string, knownSchemaVersion?: string): Promise<BaseDefinition> {
  const version = knownSchemaVersion === undefined ? await baseVersion(db, baseId) : { schemaVersion: knownSchemaVersion };
  if (!version) {
    const tables = await listTables(db, baseId);
    return { tables, fields: (await Promise.all(tables.map((table) => listFields(db, table.id)))).flat() };
  }
  const tables = await cachedTables(db, baseId, version.schemaVersion);
  const fields = await Promise.all(tables.map((table) => cachedFields(db, baseId, version.schemaVersion, table.id)));
  return { tables: [...tables], fields: fields.flat() };
}

export function buildBaseSchema(definition: BaseDefinition, context: Omit<ComputeContext, 'fields' | 'primaryFieldIdOf'>): BaseSchema {
  const { tables, fields } = definition;
  const fieldsById = new Map(fields.map((field) => [field.id, field]));
  const primaries = new Map(tables.map((table) => [table.id, table.primaryFieldId]));
  const computeContext: ComputeContext = { ...context, fields: fieldsById, primaryFieldIdOf: (tableId) => primaries.get(tableId) };

  const computers = new Map<string, FieldComputer>();
  for (const field of fields) {
    const type = getFieldType(field.type);
    if (type.computer) computers.set(field.id, type.computer(field, computeContext));
  }
  const graph = buildDependencyGraph(
    fields.map((field) => {
      const linkedTableId = linkedTableIdOf(field);
      return {
        id: field.id,
        tableId: field.tableId,
        name: field.name,
        dependencies: computers.get(field.id)?.dependencies ?? [],
        ...(linkedTableId ? { linkedTableId } : {}),
      };
    }),
  );
  return { tables, fieldsById, computers, graph, context: computeContext };
}

/** `knownSchemaVersion`: the base's schema version as the caller read it in this transaction, when nothing since changed the schema. */
export async function loadBaseSchema(db: Executor, baseId: string, context: Omit<ComputeContext, 'fields' | 'primaryFieldIdOf'>, knownSchemaVersion?: string): Promise<BaseSchema> {
  return buildBaseSchema(await readBaseDefinition(db, baseId, knownSchemaVersion), context);
}
