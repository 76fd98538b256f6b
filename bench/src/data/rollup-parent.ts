/**
 * The parent of "a rollup over 10,000 children": on Patients, "Total fees" sums the Fee of each
 * patient's visits, so the walk-in patient's cell sums 10,000 visits. It reads through the
 * inverse of Visits → Patient when the server makes links two-way; otherwise through a link
 * Patients → Visits of its own, filled for the walk-in patient with their 10,000 visits.
 */
import type { HttpClient } from '../http/client';
import { computedNames, rollupField } from './hospital-schema';
import { addField, fieldNamed, readTable, type ApiField, type FieldOutcome, type HospitalTables } from './hospital-tables';

export interface RollupParent {
  /** The link on Patients that reaches the visits. */
  link: ApiField;
  viaInverse: boolean;
  rollup: FieldOutcome;
}

export async function setUpRollupParent(
  api: HttpClient,
  baseId: string,
  tables: HospitalTables,
  walkIn: { patientId: string; visitIds: () => Promise<string[]> },
): Promise<RollupParent | { error: string }> {
  const patients = await readTable(api, baseId, tables.patients.id);
  let link = patients.fields.find((field) => field.type === 'link' && field.options.linkedTableId === tables.visits.id);
  const viaInverse = link !== undefined;
  if (!link) {
    const created = await addField(api, baseId, patients.id, { name: computedNames.visitsLink, type: 'link', options: { linkedTableId: tables.visits.id, multiple: true } });
    if (!created.ok) return { error: created.reason };
    link = created.field;
    const ids = await walkIn.visitIds();
    const reply = await api.send('PATCH', `/api/v1/bases/${baseId}/tables/${patients.id}/records/${walkIn.patientId}`, { fields: { [link.name]: ids } });
    if (reply.status !== 200) return { error: `filling the walk-in patient's ${ids.length} visits answered ${reply.status}: ${reply.text.slice(0, 300)}` };
  }
  const rollup = await addField(api, baseId, patients.id, rollupField(computedNames.totalFees, link.id, fieldNamed(tables.visits, 'Fee').id));
  return { link, viaInverse, rollup };
}
