/**
 * What an operator sees while lowering one condition: the cell it reads, how its type is
 * queried, the raw operand with its JSON path, and who / when / where the query runs.
 * Plus the refusal helper, so every operand error names its path the same way.
 */
import { EngineError } from '../errors';
import type { Predicate, PredicateTarget } from './predicate';
import type { FilterValueKind, QueryProfile } from './query-profiles';

export interface ResolveContext {
  /** The current user's id: what the operand `'me'` stands for. Absent for anonymous callers. */
  me?: string;
  /**
   * True for filters that decide a stored value (a lookup's or rollup's condition): nobody is
   * looking when it is computed, so `'me'` is refused rather than silently matching nothing.
   */
  stored?: boolean;
  /** "Now" for relative dates (today, past week …). */
  now: Date;
  /** IANA zone of the base: days are read in it unless the field has a zone of its own. */
  timeZone: string;
}

export interface LoweringInput {
  readonly target: PredicateTarget;
  readonly profile: QueryProfile;
  /** The operand as given (never empty: empty operands make the condition inactive first). */
  readonly operand: unknown;
  /** JSON path of the operand, e.g. `filter.conditions[2].value`. */
  readonly path: string;
  readonly ctx: ResolveContext;
  /** Counts operand values against the tree's budget (see maxFilterOperandValues). */
  spend(count: number): void;
}

export type Lowering = (input: LoweringInput) => Predicate;

export interface OperatorDefinition {
  /** False for isEmpty / isNotEmpty: any `value` given is ignored. */
  readonly takesOperand: boolean;
  /** One lowering per value kind the operator works on; other kinds cannot use it. */
  readonly lower: Readonly<Partial<Record<FilterValueKind, Lowering>>>;
}

/** INVALID_FILTER naming the JSON path (and the field, when there is one). */
export function invalidFilter(path: string, message: string, details: Record<string, unknown> = {}): EngineError {
  return new EngineError('INVALID_FILTER', `${message} (at ${path})`, { path, ...details });
}

/** Operands that leave a condition inactive: the filter builder shows it, nothing is filtered. */
export function isEmptyOperand(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
