/**
 * The two whole-table schema changes, each run once because each changes the data:
 * "fill a new formula field on every record" (POST the field; the server fills it before it
 * answers) and "change a field's type on every record" (Wait minutes: number → text, every value
 * cast by core). Each stands next to the bare ceiling: ALTER TABLE + one UPDATE over the table
 * in plain SQL, in a transaction rolled back.
 */
import { addField, fieldNamed, errorMessage } from '../data/hospital-tables';
import { newFormula } from '../data/hospital-schema';
import { columnSql, tableSql, type BenchContext } from '../context';
import { round } from '../stats';
import { within, type FigureResult } from '../report/results';
import { isTimeout, requestTimeoutMs, type Reply } from '../http/client';

async function timedBare(context: BenchContext, statements: Array<{ sql: string }>): Promise<number> {
  const started = performance.now();
  await context.bare.inRolledBackTransaction(statements);
  return performance.now() - started;
}

export async function formulaFill(context: BenchContext): Promise<FigureResult> {
  const { tables, scale } = context;
  const table = tableSql(tables.visits);
  const numberType = context.dialect === 'postgres' ? 'DOUBLE PRECISION' : 'REAL';
  const bareMs = await timedBare(context, [
    { sql: `ALTER TABLE ${table} ADD COLUMN bench_formula ${numberType}` },
    { sql: `UPDATE ${table} SET bench_formula = ${columnSql(tables.visits, 'Fee')} * 1.06` },
  ]);
  const outcome = await addField(context.api, context.baseId, tables.visits.id, newFormula);
  const base = {
    id: 'formula-fill',
    title: `Fill a new formula field on ${scale.visits.toLocaleString('en')} records`,
    target: '≤ 20 s',
  };
  if (!outcome.ok) {
    return {
      ...base,
      status: outcome.missingType ? 'not available' : 'missed',
      headline: outcome.missingType ? 'not available yet (field type missing)' : 'refused',
      measurements: [{ label: 'bare SQL: ADD COLUMN + UPDATE … = Fee * 1.06 (rolled back)', value: round(bareMs / 1000), unit: 's' }],
      notes: [outcome.reason],
    };
  }
  const seconds = outcome.ms / 1000;
  if (!outcome.filled) {
    return {
      ...base,
      status: 'missed',
      headline: `not filled after ${round(seconds)} s`,
      measurements: [{ label: 'bare SQL: ADD COLUMN + UPDATE … = Fee * 1.06 (rolled back)', value: round(bareMs / 1000), unit: 's' }],
      notes: ['The server still showed the field filling when the suite stopped waiting.'],
    };
  }
  // Profiled on the 100,000-record load table: the same work per record, a tenth of the records.
  context.replays.set('formula-fill', async (again) => {
    if (again.loadTable) await addField(again.api, again.baseId, again.loadTable.tableId, { ...newFormula, name: `${newFormula.name} (profiled)` });
  });
  return {
    ...base,
    status: within(seconds, 20),
    headline: `${round(seconds)} s`,
    measurements: [
      { label: `server: POST field ${newFormula.name} = ${String(newFormula.options!.formula)} until every record has its value`, value: round(seconds), unit: 's' },
      { label: 'server: of which until the POST answered (the rest fills in the background, batch by batch)', value: round(outcome.responseMs / 1000), unit: 's' },
      { label: 'bare SQL: ADD COLUMN + UPDATE … = Fee * 1.06 (rolled back)', value: round(bareMs / 1000), unit: 's' },
    ],
    ratio: { value: round(outcome.ms / bareMs), against: 'bare SQL ADD COLUMN + UPDATE' },
    notes: ['One run: it adds a field to the data.'],
  };
}

export async function typeChange(context: BenchContext): Promise<FigureResult> {
  const { tables, scale, api, baseId } = context;
  const field = fieldNamed(tables.visits, 'Wait minutes');
  const table = tableSql(tables.visits);
  const bareMs = await timedBare(context, [
    { sql: `ALTER TABLE ${table} ADD COLUMN bench_converted TEXT` },
    { sql: `UPDATE ${table} SET bench_converted = CAST(${columnSql(tables.visits, 'Wait minutes')} AS TEXT)` },
  ]);
  const base = {
    id: 'type-change',
    title: `Change a field's type on ${scale.visits.toLocaleString('en')} records`,
    target: '≤ 30 s',
  };
  const bare = { label: 'bare SQL: ADD COLUMN + UPDATE … = CAST(… AS TEXT) (rolled back)', value: round(bareMs / 1000), unit: 's' };
  const started = performance.now();
  let reply: Reply;
  try {
    reply = await api.send('PATCH', `/api/v1/bases/${baseId}/tables/${tables.visits.id}/fields/${field.id}`, { type: 'singleLineText' });
  } catch (error) {
    if (!isTimeout(error)) throw error;
    // Missed, with how long it was waited for; the run goes on (the server may still be at it).
    const seconds = round((performance.now() - started) / 1000);
    return { ...base, status: 'missed', headline: `no answer after ${seconds} s`, measurements: [bare], notes: [`The PATCH did not answer within the client's ${requestTimeoutMs / 60_000} minutes.`] };
  }
  if (reply.status !== 200) {
    return { ...base, status: 'missed', headline: `refused (${reply.status})`, measurements: [bare], notes: [errorMessage(reply.text)] };
  }
  context.replays.set('type-change', async (again) => {
    if (!again.loadTable) return;
    const loadField = fieldNamed(again.loadTable.table, 'Wait minutes');
    await again.api.json('PATCH', `/api/v1/bases/${baseId}/tables/${again.loadTable.tableId}/fields/${loadField.id}`, { type: 'singleLineText' });
  });
  const conversion = (JSON.parse(reply.text) as { conversion?: { failed?: number; converted?: number } }).conversion;
  const seconds = reply.ms / 1000;
  return {
    ...base,
    status: within(seconds, 30),
    headline: `${round(seconds)} s`,
    measurements: [{ label: 'server: PATCH Wait minutes number → singleLineText', value: round(seconds), unit: 's' }, bare],
    ratio: { value: round(reply.ms / bareMs), against: 'bare SQL ADD COLUMN + UPDATE' },
    notes: [`One run: it changes the data. Conversion report: ${JSON.stringify(conversion ?? {})}`],
  };
}
