/**
 * "Create records through the API, batches of 1000": the first visits of the data are created
 * by POSTing batches of 1000 (with the patient link when the server has links), one request in
 * flight — the API's whole write path: validation, casting, the transaction, cell history,
 * outbox. Each batch is interleaved with its bare-stack ceiling: the same rows inserted with the
 * plain driver into a scratch table of the same shape in the same database, and the same request
 * body POSTed to bare fastify answering the same response bytes.
 */
import { computedNames } from '../data/hospital-schema';
import { patientIndexOfVisit, visitValues, type CellValues } from '../data/hospital-rows';
import { isAvailable } from '../data/hospital-tables';
import { HttpError } from '../http/client';
import { columnSql, recordsPath, repeatFor, tableSql, type BenchContext } from '../context';
import { round, summarize } from '../stats';
import type { FigureResult } from '../report/results';

const scratchTable = 'bench_scratch_visits';

async function createScratchTable(context: BenchContext): Promise<string[]> {
  const source = tableSql(context.tables.visits);
  const { bare } = context;
  await bare.inTransaction([{ sql: `DROP TABLE IF EXISTS ${scratchTable}` }]);
  if (bare.dialect === 'postgres') {
    await bare.inTransaction([{ sql: `CREATE TABLE ${scratchTable} (LIKE ${source} INCLUDING ALL)` }]);
  } else {
    await bare.inTransaction([
      { sql: `CREATE TABLE ${scratchTable} AS SELECT * FROM ${source} WHERE 0` },
      { sql: `CREATE UNIQUE INDEX ${scratchTable}_id ON ${scratchTable} (id)` },
      { sql: `CREATE UNIQUE INDEX ${scratchTable}_an ON ${scratchTable} (auto_number)` },
      { sql: `CREATE INDEX ${scratchTable}_order ON ${scratchTable} (row_order, id)` },
    ]);
  }
  const listing =
    bare.dialect === 'postgres'
      ? `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`
      : 'SELECT name FROM pragma_table_info(?) ORDER BY cid';
  const columns = ((await bare.all(listing, [source])) as Array<{ name: string }>).map((row) => row.name);
  if (columns.length === 0) throw new Error(`No columns found for ${source}`);
  return columns;
}

/** The same rows, encoded for the plain driver, with system columns filled as the server does. */
function bareRows(context: BenchContext, columns: readonly string[], batch: CellValues[], firstNumber: number): unknown[][] {
  const visits = context.tables.visits;
  const now = new Date().toISOString();
  return batch.map((values, i) => {
    const row: Record<string, unknown> = {
      id: `rec_bare${String(firstNumber + i).padStart(12, '0')}`,
      auto_number: firstNumber + i,
      row_order: `b${String(firstNumber + i).padStart(10, '0')}`,
      created_time: now,
      modified_time: now,
      created_by: context.ownerId,
      modified_by: context.ownerId,
      version: 1,
    };
    for (const [name, value] of Object.entries(values)) {
      if (name !== computedNames.patientLink) row[columnSql(visits, name)] = context.bare.encode(value);
    }
    return columns.map((column) => row[column] ?? null);
  });
}

export async function createRecords(context: BenchContext): Promise<FigureResult> {
  const { api, scale, bareHttp } = context;
  const visits = context.tables.visits;
  const withLink = isAvailable(context.computed, computedNames.patientLink);
  const path = recordsPath(context, visits.id);
  const columns = await createScratchTable(context);
  const serverMs: number[] = [];
  const bareSqlMs: number[] = [];
  const bareHttpMs: number[] = [];
  const batchSize = 1000;
  for (let start = 0; start < scale.apiCreatedVisits; start += batchSize) {
    const batch: CellValues[] = [];
    for (let i = start; i < Math.min(scale.apiCreatedVisits, start + batchSize); i++) {
      const values = visitValues(scale, i, context.doctorIds);
      if (withLink) values[computedNames.patientLink] = [context.patientIds[patientIndexOfVisit(scale, i)]];
      batch.push(values);
    }
    const body = { records: batch.map((fields) => ({ fields })) };
    const reply = await api.send('POST', path, body);
    if (reply.status !== 200) throw new HttpError('POST', path, reply);
    serverMs.push(reply.ms);
    if (start === 0) await bareHttp.store('create', reply.text);
    bareHttpMs.push(await bareHttp.time('POST', 'create', body));
    const rows = bareRows(context, columns, batch, start + 1);
    const started = performance.now();
    await context.bare.insertMany(scratchTable, columns, rows);
    bareSqlMs.push(performance.now() - started);
  }
  await context.bare.inTransaction([{ sql: `DROP TABLE IF EXISTS ${scratchTable}` }]);

  let next = scale.visits;
  context.replays.set('create-records', (again) =>
    repeatFor(8000, async () => {
      const records = [];
      for (let i = 0; i < batchSize; i++, next++) {
        const fields = visitValues(scale, next, context.doctorIds);
        fields['Wait minutes'] = String(fields['Wait minutes']); // the type-change figure made it text
        records.push({ fields });
      }
      const reply = await again.api.send('POST', path, { records });
      if (reply.status !== 200) throw new HttpError('POST', path, reply);
    }, 3),
  );
  const total = (list: number[]) => list.reduce((sum, ms) => sum + ms, 0) / 1000;
  const rate = Math.round(scale.apiCreatedVisits / total(serverMs));
  const bareRate = Math.round(scale.apiCreatedVisits / total(bareSqlMs));
  const ceilingRate = Math.round(scale.apiCreatedVisits / (total(bareSqlMs) + total(bareHttpMs)));
  return {
    id: 'create-records',
    title: 'Create records through the API, batches of 1000',
    target: '≥ 50,000 records/s',
    status: rate >= 50_000 ? 'met' : 'missed',
    headline: `${rate.toLocaleString('en')} records/s`,
    measurements: [
      { label: `server: ${scale.apiCreatedVisits.toLocaleString('en')} records${withLink ? ' with the patient link' : ''}, per batch`, latency: summarize(serverMs) },
      { label: 'server rate', value: rate, unit: 'records/s' },
      { label: 'bare driver insert of the same rows, per batch', latency: summarize(bareSqlMs) },
      { label: 'bare driver rate', value: bareRate, unit: 'rows/s' },
      { label: 'bare fastify POST of the same body, per batch', latency: summarize(bareHttpMs) },
      { label: 'bare ceiling rate (driver + fastify)', value: ceilingRate, unit: 'records/s' },
    ],
    ratio: { value: round(ceilingRate / rate), against: 'bare driver + fastify rate ÷ server rate' },
    notes: withLink ? [] : ['Created without the patient link (the server has no link field yet); the link is part of the data once it has.'],
  };
}
