/**
 * Every table and field of a base, and the computers of its computed fields: what the
 * recalculation executor and fills work from. Loaded per change — a base has hundreds of
 * fields — so it is always current, including inside the transaction that changed the schema.
 * A background fill builds it once and again only when the base's schema version moves (see
 * ./fill-batch.ts): `readBaseDefinition` and `buildBaseSchema` are the two halves of a load.
 */
import { buildDependencyGraph, getFieldType, type ComputeContext, type DependencyGraph, type Field, type FieldComputer } from '@multitable/core';
import { listFields, listTables, linkedTableIdOf, type Executor, type TableMeta } from '@multitable/storage';

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

export async function readBaseDefinition(db: Executor, baseId: string): Promise<BaseDefinition> {
  const tables = await listTables(db, baseId);
  const fields = (await Promise.all(tables.map((table) => listFields(db, table.id)))).flat();
  return { tables, fields };
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

export async function loadBaseSchema(db: Executor, baseId: string, context: Omit<ComputeContext, 'fields' | 'primaryFieldIdOf'>): Promise<BaseSchema> {
  return buildBaseSchema(await readBaseDefinition(db, baseId), context);
}
