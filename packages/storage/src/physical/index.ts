/** Physical user tables: identifiers, DDL helpers other layers need, field indexes. */
export * from './naming';
export { fieldPlacement, type FieldPlacement } from './field-storage';
export { ensureFieldIndex, dropFieldIndex, hasFieldIndex, descendingFieldIndexName, type IndexDirection } from './field-index';
export { atomically } from './executor';
export { refreshTableStatistics } from './table-statistics';
export { reclaimDeadRows } from './dead-rows';
export { statementTemplate, type StatementTemplate } from './statement-template';
