/**
 * Record functions: RECORD_ID(), CREATED_TIME(), LAST_MODIFIED_TIME([{Field}, …]). With fields,
 * LAST_MODIFIED_TIME is the latest change to any of them (as Airtable's), when the caller can
 * tell per-field times; otherwise it falls back to the record's last change.
 */
import { checkedDate } from '../date-coercion';
import type { FormulaValue } from '../values';
import { param, type FunctionTable } from './function-definition';

function dateOrBlank(millis: number | undefined): FormulaValue {
  return millis === undefined ? null : checkedDate(millis);
}

export const recordFunctions: FunctionTable = {
  RECORD_ID: { params: [], result: 'text', call: (_args, ctx) => ctx.recordId },
  CREATED_TIME: { params: [], result: 'date', call: (_args, ctx) => dateOrBlank(ctx.createdTime) },
  LAST_MODIFIED_TIME: {
    params: [param.repeating('fields', 'field', true)],
    result: 'date',
    lazy: true,
    call(args, ctx) {
      if (args.count === 0) return dateOrBlank(ctx.lastModifiedTime);
      let latest: number | undefined;
      for (let i = 0; i < args.count; i++) {
        const fieldId = args.fieldId(i);
        const changed = fieldId === undefined ? undefined : ctx.fieldModifiedTime(fieldId);
        if (changed !== undefined && (latest === undefined || changed > latest)) latest = changed;
      }
      return dateOrBlank(latest ?? ctx.lastModifiedTime);
    },
  },
};
