/**
 * The guard on the bulk loader: a loaded record must equal what the server computes for it, or
 * the suite stops — the figures are only worth what the data is.
 */
import { recordsPath, type BenchContext } from '../context';
import { computedNames } from './hospital-schema';
import { patientIndexOfVisit, visitNumber, visitValues } from './hospital-rows';

/**
 * A bulk-loaded record equals what the server computes itself. The patient's inverse cell is the
 * same before and after the server rebuilds it (renaming one of the patient's visits and back
 * makes it); the visit's cells — link, lookup, rollup, formulas — are the same before and after
 * it is relinked and its Fee changed and set back (the server recomputes them all).
 */
export async function checkLoadedRecord(context: BenchContext, visitIds: Map<number, string>, visit: number, withLink: boolean): Promise<void> {
  const visitsPath = recordsPath(context, context.tables.visits.id);
  const visitPath = `${visitsPath}/${visitIds.get(visit + 1)!}`;
  const read = async (path: string) => JSON.stringify((await context.api.json<{ fields: Record<string, unknown> }>('GET', path)).fields);
  const patch = (fields: Record<string, unknown>) => context.api.json('PATCH', visitPath, { fields });
  const loaded = await read(visitPath);
  const expected = visitValues(context.scale, visit, context.doctorIds);
  if (withLink) {
    const patient = patientIndexOfVisit(context.scale, visit);
    const patientPath = `${recordsPath(context, context.tables.patients.id)}/${context.patientIds[patient]}`;
    const patientLoaded = await read(patientPath);
    await patch({ 'Visit No.': `${visitNumber(visit)}-check` });
    await patch({ 'Visit No.': visitNumber(visit) });
    const patientRebuilt = await read(patientPath);
    if (patientLoaded !== patientRebuilt) throw new Error(`Patient ${patient}'s loaded cells differ from the server's:\n${patientLoaded.slice(0, 500)}\n${patientRebuilt.slice(0, 500)}`);
    const other = context.patientIds[patient === 1 ? 2 : 1];
    await patch({ [computedNames.patientLink]: [other] });
    await patch({ [computedNames.patientLink]: [context.patientIds[patient]] });
  }
  await patch({ Fee: Number(expected.Fee) + 1 });
  await patch({ Fee: expected.Fee });
  const rebuilt = await read(visitPath);
  if (loaded !== rebuilt) throw new Error(`Visit ${visit + 1}'s loaded cells differ from the server's:\n${loaded}\n${rebuilt}`);
}
