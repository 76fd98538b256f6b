/** The 10,000 patients, created through the API in batches of 1000; returns their ids by index. */
import type { HttpClient } from '../http/client';
import type { Scale } from '../scale';
import { patientValues } from './hospital-rows';

export async function createPatients(api: HttpClient, recordsPath: string, scale: Scale): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < scale.patients; start += 1000) {
    const records = [];
    for (let p = start; p < Math.min(scale.patients, start + 1000); p++) records.push({ fields: patientValues(scale, p) });
    const reply = await api.json<{ records: Array<{ id: string }> }>('POST', recordsPath, { records });
    ids.push(...reply.records.map((record) => record.id));
  }
  return ids;
}
