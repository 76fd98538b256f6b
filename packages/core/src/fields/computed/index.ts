/** Helpers shared by the computed field types (formula, lookup, rollup, count). */
export * from './cell-errors';
export * from './computed-state';
export * from './linked-records';
export * from './link-source';
export * from './prepare-context';
export * from './preparers';
export * from './result-kinds';
