/**
 * A base's computers for one change, each built on first use. Building one compiles its
 * formula or resolves its condition; a base may hold hundreds, and a one-cell write runs the
 * few its seeds reach. Which fields are computed, and what each reads, is known without them
 * (the base's structure, ./base-schema.ts).
 */
import { getFieldType, type ComputeContext, type Dependency, type FieldComputer } from '@multitable/core';

export class LazyComputers {
  private readonly built: Map<string, FieldComputer>;

  constructor(
    /** The base's computed fields, with what each reads. */
    private readonly dependencies: ReadonlyMap<string, readonly Dependency[]>,
    private readonly context: ComputeContext,
    /** Computers already built under `context` (when the structure was built for this change). */
    built?: ReadonlyMap<string, FieldComputer>,
  ) {
    this.built = new Map(built);
  }

  /** How many computed fields the base has. */
  get size(): number {
    return this.dependencies.size;
  }

  has(fieldId: string): boolean {
    return this.dependencies.has(fieldId);
  }

  get(fieldId: string): FieldComputer | undefined {
    if (!this.dependencies.has(fieldId)) return undefined;
    let computer = this.built.get(fieldId);
    if (!computer) {
      const field = this.context.fields.get(fieldId)!;
      computer = getFieldType(field.type).computer!(field, this.context);
      this.built.set(fieldId, computer);
    }
    return computer;
  }
}
