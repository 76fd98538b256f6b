/**
 * "Update one cell feeding a rollup over 10,000 children": PATCH the Fee of one of the walk-in
 * patient's 10,000 visits; the patient's "Total fees" (a sum over those visits) must change in
 * the same request. The result is checked, then timed, next to the bare ceiling: the same two
 * writes by hand in one transaction (update the cell, recompute the SUM over the junction) and
 * the same PATCH body answered by bare fastify.
 */
import { fieldColumnName, junctionOf, userTableName } from '@multitable/storage';
import type { Field } from '@multitable/core';
import { HttpError } from '../http/client';
import { columnSql, repeatFor, tableSql, type BenchContext } from '../context';
import { computedNames } from '../data/hospital-schema';
import { interleaved } from '../measure';
import { round } from '../stats';
import { within, type FigureResult } from '../report/results';
import type { RollupParent } from '../data/rollup-parent';

interface ApiRecord {
  id: string;
  fields: Record<string, unknown>;
}

export function rollupUnavailable(reason: string): FigureResult {
  return {
    id: 'rollup-update',
    title: 'Update one cell feeding a rollup over 10,000 children',
    target: 'p50 ≤ 20 ms',
    status: 'not available',
    headline: 'not available yet',
    measurements: [],
    notes: [reason],
  };
}

export async function rollupUpdate(context: BenchContext, parent: RollupParent, childId: string): Promise<FigureResult> {
  const { api, baseId, tables, bare, bareHttp } = context;
  if (!parent.rollup.ok) return rollupUnavailable(parent.rollup.reason);
  const rollupField = parent.rollup.field;
  const childPath = `/api/v1/bases/${baseId}/tables/${tables.visits.id}/records/${childId}`;
  const parentPath = `/api/v1/bases/${baseId}/tables/${tables.patients.id}/records/${context.patientIds[0]}`;
  const totalOf = async () => Number((await api.json<ApiRecord>('GET', parentPath)).fields[computedNames.totalFees] ?? Number.NaN);

  // Correctness first: the parent's sum moves by exactly the child's change.
  const before = await totalOf();
  const child = await api.json<ApiRecord>('GET', childPath);
  const oldFee = Number(child.fields.Fee ?? 0);
  await api.json('PATCH', childPath, { fields: { Fee: oldFee + 100 } });
  const after = await totalOf();
  const checked = Math.abs(after - before - 100) < 0.01;

  let flip = 0;
  const patch = async () => {
    flip++;
    const reply = await api.send('PATCH', childPath, { fields: { Fee: oldFee + (flip % 2) } });
    if (reply.status !== 200) throw new HttpError('PATCH', childPath, reply);
    return reply.ms;
  };
  await bareHttp.store('rollup-update', (await api.send('PATCH', childPath, { fields: { Fee: oldFee } })).text);

  const junction = junctionOf(parent.link as unknown as Field);
  const visitsTable = tableSql(tables.visits);
  const feeColumn = columnSql(tables.visits, 'Fee');
  // The sum the bare write stores must be the exact one the server stores (core sums decimals
  // exactly, and updates a sum from the change alone only while the stored sum is exact).
  // PostgreSQL's SUM over DOUBLE PRECISION adds in binary — 7616383.29 comes out 7616383.290000021
  // — and that cell would send the server's next update to a full recomputation. SQLite's SUM
  // compensates its rounding, and gives the exact sum.
  const feeSum = context.dialect === 'postgres' ? `SUM(v.${feeColumn}::numeric)` : `SUM(v.${feeColumn})`;
  const bareStatements = (fee: number) => [
    { sql: `UPDATE ${visitsTable} SET ${feeColumn} = ? WHERE id = ?`, params: [fee, childId] },
    {
      sql: `UPDATE ${userTableName(tables.patients.id)} SET ${fieldColumnName(rollupField as unknown as Field)} = (SELECT ${feeSum} FROM ${junction.table} j JOIN ${visitsTable} v ON v.id = j.${junction.otherColumn} WHERE j.${junction.selfColumn} = ?) WHERE id = ?`,
      params: [context.patientIds[0], context.patientIds[0]],
    },
  ];
  let bareFlip = 0;
  const result = await interleaved(
    {
      server: patch,
      bareSql: async () => {
        bareFlip++;
        const started = performance.now();
        await bare.inTransaction(bareStatements(oldFee + (bareFlip % 2)));
        return performance.now() - started;
      },
      bareHttp: () => bareHttp.time('PATCH', 'rollup-update', { fields: { Fee: oldFee } }),
    },
    context.scale,
  );
  await api.json('PATCH', childPath, { fields: { Fee: oldFee } });
  context.replays.set('rollup-update', (again) =>
    repeatFor(5000, async () => {
      flip++;
      await again.api.json('PATCH', childPath, { fields: { Fee: oldFee + (flip % 2) } });
    }),
  );
  const ceiling = result.bareSql.p50 + result.bareHttp.p50;
  const status = checked ? within(result.server.p50, 20) : 'missed';
  return {
    id: 'rollup-update',
    title: 'Update one cell feeding a rollup over 10,000 children',
    target: 'p50 ≤ 20 ms',
    status,
    headline: `${result.server.p50} ms p50`,
    measurements: [
      { label: 'server PATCH of one Fee (walk-in patient\'s visit)', latency: result.server },
      { label: 'bare SQL: update the cell + recompute the SUM over the junction', latency: result.bareSql },
      { label: 'bare fastify (same body and bytes)', latency: result.bareHttp },
    ],
    ratio: { value: round(result.server.p50 / ceiling), against: 'bare SQL + bare fastify' },
    notes: [
      checked
        ? `Checked: the walk-in patient's "${computedNames.totalFees}" moved by exactly +100 (${before} → ${after}) in the same request.`
        : `WRONG RESULT: "${computedNames.totalFees}" went ${before} → ${after} after a +100 change.`,
      `Rollup reads through ${parent.viaInverse ? "the two-way link's inverse on Patients" : 'a one-way link Patients → Visits (the server made no inverse)'}.`,
    ],
  };
}
