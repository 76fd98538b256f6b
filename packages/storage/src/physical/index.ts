/** Physical user tables: identifiers, DDL helpers other layers need, field indexes. */
export * from './naming';
export { fieldPlacement, type FieldPlacement } from './field-storage';
export { ensureFieldIndex, dropFieldIndex, hasFieldIndex } from './field-index';
export { atomically } from './executor';
