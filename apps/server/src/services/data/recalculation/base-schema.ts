/**
 * Every table and field of a base, and the computers of its computed fields: what the
 * recalculation executor and fills work from. Loaded per change — a base has hundreds of
 * fields — so it is always current, including inside the transaction that changed the schema
 * (the tables and fields come from the metadata cache, checked against the schema version).
 * What does not depend on the change's clock, zone or directory — what each computed field
 * reads, and the dependency graph — is kept per cached definition; the computers, which do, are
 * built per change and only those it runs (./lazy-computers.ts).
 * A background fill builds it once and again only when the base's schema version moves (see
 * ./fill-batch.ts): `readBaseDefinition` and `buildBaseSchema` are the two halves of a load.
 */
import { buildDependencyGraph, getFieldType, type ComputeContext, type Dependency, type DependencyGraph, type Field, type FieldComputer } from '@multitable/core';
import { listFields, listTables, linkedTableIdOf, type Executor, type TableMeta } from '@multitable/storage';
import { baseVersion, cachedFields, cachedTables } from '../metadata-cache';
import { LazyComputers } from './lazy-computers';

export interface BaseSchema {
  tables: readonly TableMeta[];
  fieldsById: ReadonlyMap<string, Field>;
  /** What each computed field reads: its keys are the base's computed fields. */
  dependencies: ReadonlyMap<string, readonly Dependency[]>;
  /** The computed fields' computers under `context`, built when first asked for. */
  computers: LazyComputers;
  graph: DependencyGraph;
  context: ComputeContext;
}

/** The base's tables and fields as stored: what a schema is built from. */
export interface BaseDefinition {
  tables: readonly TableMeta[];
  /** Each table's fields, in the order of `tables`. */
  fieldLists: ReadonlyArray<readonly Field[]>;
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
    return { tables, fieldLists: await Promise.all(tables.map((table) => listFields(db, table.id))) };
  }
  const tables = await cachedTables(db, baseId, version.schemaVersion);
  return { tables, fieldLists: await Promise.all(tables.map((table) => cachedFields(db, baseId, version.schemaVersion, table.id))) };
}

/** What a definition gives whatever the clock, zone or directory: which fields are computed, what they read. */
interface BaseStructure {
  fieldsById: ReadonlyMap<string, Field>;
  primaryFieldIdOf: ComputeContext['primaryFieldIdOf'];
  dependencies: ReadonlyMap<string, readonly Dependency[]>;
  graph: DependencyGraph;
}

type ChangeContext = Omit<ComputeContext, 'fields' | 'primaryFieldIdOf'>;

/**
 * Structures of the metadata cache's definitions, keyed by its (frozen, shared) table list and
 * checked against its field lists: the same lists are the same schema version, so a write reuses
 * its base's dependency graph instead of building every computer to find out what each reads.
 * Definitions read afresh (inside a transaction that changed the schema) never hit, and go with
 * their lists.
 */
const structures = new WeakMap<readonly TableMeta[], { fieldLists: ReadonlyArray<readonly Field[]>; structure: BaseStructure }>();

function keptStructure({ tables, fieldLists }: BaseDefinition): BaseStructure | undefined {
  const kept = structures.get(tables);
  const same = kept && kept.fieldLists.length === fieldLists.length && kept.fieldLists.every((list, index) => list === fieldLists[index]);
  return same ? kept.structure : undefined;
}

function computeContextOf(structure: Pick<BaseStructure, 'fieldsById' | 'primaryFieldIdOf'>, context: ChangeContext): ComputeContext {
  return { ...context, fields: structure.fieldsById, primaryFieldIdOf: structure.primaryFieldIdOf };
}

/**
 * Builds and keeps the structure: every computer is built under `context` to learn what it
 * reads, and handed back with that context, so the change that built them runs them too.
 */
function buildStructure(definition: BaseDefinition, context: ChangeContext) {
  const fields = definition.fieldLists.flat();
  const primaries = new Map(definition.tables.map((table) => [table.id, table.primaryFieldId]));
  const identity = { fieldsById: new Map(fields.map((field) => [field.id, field])), primaryFieldIdOf: (tableId: string) => primaries.get(tableId) };
  const computeContext = computeContextOf(identity, context);
  const computers = new Map<string, FieldComputer>();
  for (const field of fields) {
    const type = getFieldType(field.type);
    if (type.computer) computers.set(field.id, type.computer(field, computeContext));
  }
  const dependencies = new Map([...computers].map(([id, computer]) => [id, computer.dependencies]));
  const graph = buildDependencyGraph(
    fields.map((field) => {
      const linkedTableId = linkedTableIdOf(field);
      return { id: field.id, tableId: field.tableId, name: field.name, dependencies: dependencies.get(field.id) ?? [], ...(linkedTableId ? { linkedTableId } : {}) };
    }),
  );
  const structure: BaseStructure = { ...identity, dependencies, graph };
  structures.set(definition.tables, { fieldLists: definition.fieldLists, structure });
  return { structure, computeContext, computers };
}

export function buildBaseSchema(definition: BaseDefinition, context: ChangeContext): BaseSchema {
  const kept = keptStructure(definition);
  const { structure, computeContext, computers } = kept ? { structure: kept, computeContext: computeContextOf(kept, context), computers: undefined } : buildStructure(definition, context);
  const { fieldsById, dependencies, graph } = structure;
  return { tables: definition.tables, fieldsById, dependencies, computers: new LazyComputers(dependencies, computeContext, computers), graph, context: computeContext };
}

/** `knownSchemaVersion`: the base's schema version as the caller read it in this transaction, when nothing since changed the schema. */
export async function loadBaseSchema(db: Executor, baseId: string, context: ChangeContext, knownSchemaVersion?: string): Promise<BaseSchema> {
  return buildBaseSchema(await readBaseDefinition(db, baseId, knownSchemaVersion), context);
}
