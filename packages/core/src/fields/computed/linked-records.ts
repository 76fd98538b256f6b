/**
 * What lookups, rollups and counts share: the records they read through a link field of their
 * own table, optionally only those matching a condition (a filter tree over the linked table,
 * stored with field ids). Resolves the link and the condition once per computer, lists the
 * dependencies they create, and filters linked records with core's reference evaluator — the
 * same semantics the SQL filter path has.
 *
 * A link or condition field that no longer exists is not an exception: `problem` says what is
 * wrong, and the field's cells become error values until the field is saved again.
 */
import type { Dependency } from '../../computed/dependency';
import { isFilterGroupLike, maxFilterDepth, type FilterGroup } from '../../filters/filter-tree';
import { evaluatePredicate } from '../../filters/evaluate-predicate';
import type { Predicate } from '../../filters/predicate';
import { resolveFilter } from '../../filters/resolve-filter';
import type { Field } from '../field';
import type { ComputeContext, ComputedRecord, ComputeInput } from '../field-type';

/** Options every link-reading computed type has. */
export interface LinkSourceOptions {
  linkFieldId: string;
  /** Only linked records matching this filter (conditions name fields by id); null for all. */
  filter: FilterGroup | null;
}

export interface LinkedSource {
  /** Why the field cannot be computed now (a deleted link or condition field), else undefined. */
  readonly problem: string | undefined;
  /** The link field (when it exists). */
  readonly link: Field | undefined;
  /** The fields of the linked table, by id. */
  readonly linkedFields: ReadonlyMap<string, Field>;
  /** What the field reads: the target (null: membership only) and each condition field, through the link. */
  dependencies(targetFieldId: string | null): Dependency[];
  /** The linked records of the computed record, in link order, that match the condition. */
  records(input: ComputeInput): readonly ComputedRecord[];
  /** True when a linked record matches the condition (always, without one). */
  matches(record: ComputedRecord): boolean;
}

/** Field references of a filter tree (ids, as conditions are stored), each once, in order. */
export function conditionFieldIds(filter: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > maxFilterDepth || typeof node !== 'object' || node === null || Array.isArray(node)) return;
    if (isFilterGroupLike(node)) {
      const conditions = (node as { conditions?: unknown }).conditions;
      if (Array.isArray(conditions)) for (const child of conditions) walk(child, depth + 1);
      return;
    }
    const field = (node as { field?: unknown }).field;
    if (typeof field === 'string') found.add(field);
  };
  walk(filter, 1);
  return [...found];
}

/**
 * True when the condition compares with a day relative to now ("today", "past week"): which
 * linked records match then changes at midnight, so the server refreshes the field daily.
 */
export function conditionReadsClock(options: LinkSourceOptions, fields: ReadonlyMap<string, Field>): boolean {
  const link = fields.get(options.linkFieldId);
  if (options.filter === null || !link) return false;
  const linkedTableId = linkedTableIdOfLink(link);
  const linkedFields = [...fields.values()].filter((candidate) => candidate.tableId === linkedTableId);
  let readsClock = false;
  const ctx = {
    timeZone: 'UTC',
    stored: true,
    get now() {
      readsClock = true;
      return new Date(0);
    },
  };
  try {
    resolveFilter(options.filter, linkedFields, ctx);
  } catch {
    return false; // a condition that no longer resolves gives error values, not dates
  }
  return readsClock;
}

/** The linked table's id of a link field's options ('' when missing). */
export function linkedTableIdOfLink(link: Pick<Field, 'options'>): string {
  const id = (link.options as { linkedTableId?: unknown }).linkedTableId;
  return typeof id === 'string' ? id : '';
}

function describeProblem(field: Field, options: LinkSourceOptions, ctx: ComputeContext): { problem?: string; link?: Field; predicate?: Predicate } {
  const link = ctx.fields.get(options.linkFieldId);
  if (!link || link.type !== 'link' || link.tableId !== field.tableId) {
    return { problem: `the link field ${options.linkFieldId} of "${field.name}" no longer exists` };
  }
  if (options.filter === null) return { link };
  const linkedTableId = linkedTableIdOfLink(link);
  const missing = conditionFieldIds(options.filter).find((id) => ctx.fields.get(id)?.tableId !== linkedTableId);
  if (missing !== undefined) return { link, problem: `the condition of "${field.name}" refers to a field that no longer exists (${missing})` };
  try {
    const linkedFields = [...ctx.fields.values()].filter((candidate) => candidate.tableId === linkedTableId);
    return { link, predicate: resolveFilter(options.filter, linkedFields, { now: ctx.now, timeZone: ctx.timeZone, stored: true }, { path: 'options.filter' }) };
  } catch (error) {
    return { link, problem: `the condition of "${field.name}" no longer applies: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function linkedSource(field: Field, options: LinkSourceOptions, ctx: ComputeContext): LinkedSource {
  const { problem, link, predicate } = describeProblem(field, options, ctx);
  const linkedTableId = link ? linkedTableIdOfLink(link) : '';
  const linkedFields = new Map([...ctx.fields].filter(([, candidate]) => candidate.tableId === linkedTableId));
  return {
    problem,
    link,
    linkedFields,
    dependencies(targetFieldId) {
      if (problem !== undefined || !link) return [];
      const reads: Dependency[] = [{ kind: 'viaLink', linkFieldId: link.id, targetFieldId }];
      for (const id of conditionFieldIds(options.filter)) {
        if (id !== targetFieldId) reads.push({ kind: 'viaLink', linkFieldId: link.id, targetFieldId: id });
      }
      return reads;
    },
    records(input) {
      if (!link) return [];
      const records = input.linked(link.id);
      return predicate ? records.filter((record) => evaluatePredicate(predicate, record)) : records;
    },
    matches: (record) => (predicate ? evaluatePredicate(predicate, record) : true),
  };
}
