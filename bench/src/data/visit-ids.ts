/** Visit number (1-based, from "Visit No.") → record id, read with the bare driver. */
import type { BareSql } from '../bare/bare-sql';

export async function visitIdsByNumber(bare: BareSql, tableSql: string, visitNoColumn: string): Promise<Map<number, string>> {
  const rows = (await bare.all(`SELECT id, ${visitNoColumn} AS no FROM ${tableSql}`)) as Array<{ id: string; no: string }>;
  return new Map(rows.map((row) => [Number(row.no.slice(1)), row.id]));
}
