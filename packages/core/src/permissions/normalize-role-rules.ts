/**
 * Role rules from the API or a template: filled with defaults, checked against the schema, then
 * against the base — every table, field and view a rule names must exist there, a person scope
 * must name a person (or created/modified-by) field, a filter scope must resolve on its table
 * with every operand given. Refusals are VALIDATION_FAILED naming the JSON path.
 */
import { Value } from '@sinclair/typebox/value';
import { EngineError, isEngineError } from '../errors';
import type { Field } from '../fields/field';
import { pointerToPath } from '../fields/field-options';
import { resolveFilter } from '../filters/resolve-filter';
import { assertJsonDepth } from '../json-limits';
import { isPersonScopeField } from './record-scope';
import { RoleRulesSchema, TableRuleSchema, type RecordScope, type RoleRules } from './role-rules';

export interface RoleRulesSchemaTable {
  id: string;
  fields: readonly Field[];
  viewIds: readonly string[];
}

function invalid(path: string, message: string): EngineError {
  return new EngineError('VALIDATION_FAILED', `${path}: ${message}`, { path });
}

function checkScope(scope: RecordScope | undefined, table: RoleRulesSchemaTable, path: string): void {
  if (scope?.type === 'personField') {
    const field = table.fields.find((candidate) => candidate.id === scope.fieldId);
    if (!field) throw invalid(`${path}.fieldId`, `no field ${scope.fieldId} in table ${table.id}`);
    if (!isPersonScopeField(field)) throw invalid(`${path}.fieldId`, `"${field.name}" is a ${field.type} field; a person scope needs a person, created-by or modified-by field`);
  }
  if (scope?.type === 'filter') {
    try {
      // Any user stands for 'me' here: the rule is checked for shape, not for one caller.
      resolveFilter(scope.filter, table.fields, { me: 'usr_0000000000000000', now: new Date(0), timeZone: 'UTC' }, { path: `${path}.filter`, requireOperands: true });
    } catch (error) {
      if (isEngineError(error)) throw new EngineError('VALIDATION_FAILED', error.message, { ...error.details });
      throw error;
    }
  }
}

export function normalizeRoleRules(input: unknown, tables: readonly RoleRulesSchemaTable[], path = 'rules'): RoleRules {
  assertJsonDepth(input, path);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid(path, 'expected an object');
  const filled = Value.Default(RoleRulesSchema, Value.Clone(input)) as Record<string, unknown>;
  // Defaults do not reach into a record's values: fill each table rule's own.
  const rulesByTable = filled.tables;
  if (typeof rulesByTable === 'object' && rulesByTable !== null && !Array.isArray(rulesByTable)) {
    for (const [tableId, rule] of Object.entries(rulesByTable)) (rulesByTable as Record<string, unknown>)[tableId] = Value.Default(TableRuleSchema, rule);
  }
  const error = Value.Errors(RoleRulesSchema, filled).First();
  if (error) throw invalid(pointerToPath(path, error.path), error.message);
  const rules = filled as RoleRules;

  const byId = new Map(tables.map((table) => [table.id, table]));
  for (const [tableId, rule] of Object.entries(rules.tables)) {
    const table = byId.get(tableId);
    const rulePath = `${path}.tables.${tableId}`;
    if (!table) throw invalid(rulePath, `no table ${tableId} in this base`);
    for (const fieldId of Object.keys(rule.fields)) {
      if (!table.fields.some((field) => field.id === fieldId)) throw invalid(`${rulePath}.fields.${fieldId}`, `no field ${fieldId} in table ${tableId}`);
    }
    if (rule.views !== 'all') {
      rule.views.forEach((viewId, index) => {
        if (!table.viewIds.includes(viewId)) throw invalid(`${rulePath}.views[${index}]`, `no view ${viewId} in table ${tableId}`);
      });
    }
    checkScope(rule.readScope, table, `${rulePath}.readScope`);
    checkScope(rule.editScope, table, `${rulePath}.editScope`);
  }
  return rules;
}
