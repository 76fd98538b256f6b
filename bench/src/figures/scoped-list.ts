/**
 * "List under a record-scope role" (issue 5): a doctor whose custom role reads Visits only where
 * the Doctor person field holds them (about one visit in twelve: the generator gives each visit
 * one of the twelve doctors) lists the first page — 100 records — of the whole table's view and
 * of the view sorted by Visit date, interleaved with the owner's same requests in the same run.
 * Target: the restricted list costs at most 1.5× the owner's. The role reads Patients too, so
 * the link, lookup and rollup stay readable and both pages carry the same fields. Beside them,
 * the same pages in bare SQL with and without the scope (hand-written, and as the server spells
 * it): what the scope costs the database itself, apart from the server around it.
 */
import { columnSql, defaultOrderSql, recordsPath, repeatFor, sortKeySql, tableSql, timeGet, type BenchContext } from '../context';
import { fieldNamed, readTable, type ApiTable } from '../data/hospital-tables';
import { HttpError, type HttpClient } from '../http/client';
import { doctorEmail } from '../instance-setup';
import { interleaved, ratioRounds } from '../measure';
import { addRestrictedMember, memberClient, type RestrictedMember } from '../restricted-member';
import { round } from '../stats';
import { within, type FigureResult, type Measurement } from '../report/results';
import { sortedFields } from './view-sorts';
import { createView } from './views';

const id = 'scoped-list';
const title = 'List under a record-scope role, first page';
const target = "≤ 1.5× the owner's list";
const maxRatio = 1.5;
/** The doctor the role is given to (any of them holds a twelfth of the visits). */
const restrictedDoctor = 0;
const personFieldName = 'Doctor';

interface ListedPage {
  label: string;
  path: string;
  /** The page's ORDER BY as the server writes it. */
  orderSql: string;
}

/** The role: Visits where Doctor holds the caller; Patients whole (the link's other side). */
function scopedRules(tables: BenchContext['tables']) {
  const doctor = fieldNamed(tables.visits, personFieldName);
  return {
    tables: {
      [tables.visits.id]: { access: 'read', readScope: { type: 'personField', fieldId: doctor.id } },
      [tables.patients.id]: { access: 'read' },
    },
  };
}

/** "The cell holds this user", hand-written on the plain driver, with its parameter. */
function bareScope(context: BenchContext, userId: string): { sql: string; param: string } {
  const column = columnSql(context.tables.visits, personFieldName);
  return context.dialect === 'postgres'
    ? { sql: `${column} @> CAST(? AS jsonb)`, param: JSON.stringify([userId]) }
    : { sql: `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?)`, param: userId };
}

/** The scope as the server's compiler spells it (compile-filter.ts: present, then the dialect's jsonArrayHasAny). */
function serverScope(context: BenchContext, userId: string): { sql: string; param: string } {
  const column = columnSql(context.tables.visits, personFieldName);
  return context.dialect === 'postgres'
    ? { sql: `(${column} IS NOT NULL AND NOT (${column} = '[]'::jsonb) AND ${column} ?| ARRAY[CAST(? AS TEXT)])`, param: userId }
    : { sql: `(${column} IS NOT NULL AND NOT (${column} = '[]') AND EXISTS (SELECT 1 FROM json_each(${column}) AS je WHERE je.type = 'text' AND je.value IN (?)))`, param: userId };
}

/** The whole table's view, and the view sorted by Visit date (made by the view-sort figure, or here). */
async function listedPages(context: BenchContext, notes: string[]): Promise<ListedPage[]> {
  const { api, baseId, dialect } = context;
  const visits = context.tables.visits;
  const pathOf = (viewId: string) => recordsPath(context, visits.id, { view: viewId, pageSize: 100 });
  const pages: ListedPage[] = [{ label: 'first page', path: pathOf(visits.views[0]!.id), orderSql: defaultOrderSql(dialect) }];
  const sort = sortedFields.find((spec) => spec.field === 'Visit date')!;
  const name = `Sorted by ${sort.field} ${sort.direction}`;
  const existing = (await readTable(api, baseId, visits.id)).views.find((view) => view.name === name);
  const view = existing ?? (await createView(api, baseId, visits.id, name, { sorts: [{ field: sort.field, direction: sort.direction }] }));
  if ('ok' in view && !view.ok) {
    notes.push(`${name}: ${view.reason ?? 'view refused'}`);
    return pages;
  }
  const key = sortKeySql(dialect, columnSql(visits, sort.field), sort.text, sort.direction);
  pages.push({ label: `${sort.field} ${sort.direction}`, path: pathOf(view.id), orderSql: `${key}, ${defaultOrderSql(dialect)}` });
  return pages;
}

/**
 * The member sees the same fields as the owner, and the page is 100 of their own visits — the
 * very records the bare scoped queries read. Anything else would time a different question.
 */
async function checkScopedPage(context: BenchContext, restricted: HttpClient, member: RestrictedMember, page: ListedPage, bareQueries: Array<{ sql: string; param: string }>): Promise<void> {
  const reply = await restricted.send('GET', page.path);
  if (reply.status !== 200) throw new HttpError('GET', page.path, reply);
  const records = (JSON.parse(reply.text) as { records: Array<{ id: string; fields: Record<string, unknown> }> }).records;
  const holdsMember = (record: (typeof records)[number]) => (record.fields[personFieldName] as Array<{ id: string }> | undefined)?.some((person) => person.id === member.userId);
  const foreign = records.find((record) => !holdsMember(record));
  if (foreign) throw new Error(`${page.label}: the restricted member was shown ${foreign.id}, whose ${personFieldName} is not them`);
  if (records.length !== 100) throw new Error(`${page.label}: the restricted member got ${records.length} records, expected a full page of 100`);
  for (const query of bareQueries) {
    const bareIds = ((await context.bare.all(query.sql, [query.param])) as Array<{ id: string }>).slice(0, 100).map((row) => row.id);
    if (bareIds.join() !== records.map((record) => record.id).join()) throw new Error(`${page.label}: the bare query reads other records than the server's restricted page: ${query.sql}`);
  }
}

async function sameFields(context: BenchContext, restricted: HttpClient): Promise<void> {
  const fieldIds = (table: ApiTable) => table.fields.map((field) => field.id).sort().join();
  const asMember = await restricted.json<ApiTable>('GET', `/api/v1/bases/${context.baseId}/tables/${context.tables.visits.id}`);
  const asOwner = await readTable(context.api, context.baseId, context.tables.visits.id);
  if (fieldIds(asMember) !== fieldIds(asOwner)) {
    throw new Error(`The restricted member reads other Visits fields than the owner (${asMember.fields.map((f) => f.name).join(', ')}), so the two lists would not be the same request`);
  }
}

export async function scopedList(context: BenchContext): Promise<FigureResult> {
  const { api, bare, scale, baseId, tables } = context;
  const origin = api.origin;
  const notes: string[] = [];
  const userId = context.doctorIds[restrictedDoctor]!;
  const outcome = await addRestrictedMember(origin, baseId, { name: 'Own visits only', rules: scopedRules(tables) }, { userId, email: doctorEmail(restrictedDoctor) });
  if (!outcome.ok) return { id, title, target, status: 'not available', headline: 'not available yet', measurements: [], notes: [outcome.reason] };
  const { member } = outcome;
  const restricted = memberClient(origin, member);
  try {
    await sameFields(context, restricted);
    const pages = await listedPages(context, notes);
    const scope = bareScope(context, userId);
    const spelled = serverScope(context, userId);
    const table = tableSql(tables.visits);
    const [{ n: held }] = (await bare.all(`SELECT COUNT(*) AS n FROM ${table} WHERE ${scope.sql}`, [scope.param])) as [{ n: number | string }];
    notes.push(`The member (doctor ${restrictedDoctor + 1} of ${context.doctorIds.length}) holds ${Number(held).toLocaleString('en')} of ${scale.visits.toLocaleString('en')} visits (${round((100 * Number(held)) / scale.visits)}%); role: Visits read with readScope personField "${personFieldName}", Patients read.`);

    const measurements: Measurement[] = [];
    let worst = 0;
    for (const page of pages) {
      const ownerSql = `SELECT * FROM ${table} ORDER BY ${page.orderSql} LIMIT 101`;
      const scopedSql = `SELECT * FROM ${table} WHERE ${scope.sql} ORDER BY ${page.orderSql} LIMIT 101`;
      const spelledSql = `SELECT * FROM ${table} WHERE ${spelled.sql} ORDER BY ${page.orderSql} LIMIT 101`;
      await checkScopedPage(context, restricted, member, page, [
        { sql: scopedSql, param: scope.param },
        { sql: spelledSql, param: spelled.param },
      ]);
      const timedSql = (sql: string, params: unknown[]) => async () => {
        const started = performance.now();
        await bare.all(sql, params);
        return performance.now() - started;
      };
      const result = await interleaved(
        {
          owner: () => timeGet(api, page.path),
          restricted: () => timeGet(restricted, page.path),
          bareOwner: timedSql(ownerSql, []),
          bareScoped: timedSql(scopedSql, [scope.param]),
          serverSpelling: timedSql(spelledSql, [spelled.param]),
        },
        ratioRounds(scale),
      );
      const ratio = result.restricted.p50 / result.owner.p50;
      worst = Math.max(worst, ratio);
      measurements.push(
        { label: `${page.label}: owner`, latency: result.owner },
        { label: `${page.label}: restricted member`, latency: result.restricted },
        { label: `${page.label}: bare SQL`, latency: result.bareOwner },
        { label: `${page.label}: bare SQL with the scope`, latency: result.bareScoped },
        { label: `${page.label}: the server's own scope predicate on the bare driver`, latency: result.serverSpelling },
      );
      notes.push(`${page.label}: ${round(ratio)}× the owner (${result.restricted.p50} ms vs ${result.owner.p50} ms); in bare SQL the scope alone costs ${round(result.bareScoped.p50 / result.bareOwner.p50)}× (${result.bareScoped.p50} ms vs ${result.bareOwner.p50} ms), as the server spells it ${round(result.serverSpelling.p50 / result.bareOwner.p50)}× (${result.serverSpelling.p50} ms)`);
    }
    context.replays.set(id, async (again) => {
      const client = memberClient(again.api.origin, member);
      try {
        await repeatFor(6000, async () => {
          for (const page of pages) await timeGet(client, page.path);
        });
      } finally {
        await client.close();
      }
    });
    return {
      id,
      title,
      target,
      status: within(round(worst), maxRatio),
      headline: `${round(worst)}× the owner's list (worst of ${pages.length} pages)`,
      measurements,
      ratio: { value: round(worst), against: "the owner's same request" },
      notes,
    };
  } finally {
    await restricted.close();
  }
}
