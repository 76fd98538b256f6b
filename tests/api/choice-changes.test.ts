/**
 * Renaming or removing a select's choices: every cell holding a renamed choice takes its new
 * name and a removed one leaves the cells, in the same change; view filters naming them follow;
 * the records themselves are not changed (version, modified time, history stay).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import { createRecords, createTable, fieldNamed, listAll, tableUrl, type ApiTable } from './data-helpers';

interface Choice {
  id: string;
  name: string;
  color: string;
}

describeEachDialect('select choices renamed or removed', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  let visits: ApiTable;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner)).id;
    visits = await createTable(owner, baseId, 'Visits', [
      { name: 'Patient', type: 'singleLineText' },
      { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Waiting' }, { name: 'Seen' }, { name: 'Gone' }] } },
      { name: 'Tags', type: 'multipleSelect', options: { choices: [{ name: 'x-ray' }, { name: 'urgent' }, { name: 'vip' }] } },
    ]);
    await createRecords(owner, baseId, visits.id, [
      { Patient: 'Ada', Status: 'Waiting', Tags: ['x-ray', 'urgent'] },
      { Patient: 'Bo', Status: 'Seen', Tags: ['urgent'] },
      { Patient: 'Cy', Status: 'Gone', Tags: ['vip'] },
      { Patient: 'Di' },
    ]);
  });
  afterAll(async () => t?.cleanup());

  const choicesOf = async (name: string): Promise<Choice[]> => {
    const table = (await owner.request('GET', tableUrl(baseId, visits.id))).json() as ApiTable;
    return (fieldNamed(table, name).options as { choices: Choice[] }).choices;
  };
  const cells = async () =>
    Object.fromEntries((await listAll(owner, baseId, visits.id)).map((record) => [record.fields.Patient, [record.fields.Status ?? null, record.fields.Tags ?? null]]));

  it('renames and removes choices in every cell, and in view filters, without touching the records', async () => {
    const view = await owner.request('POST', tableUrl(baseId, visits.id, '/views'), {
      name: 'Queue',
      config: { filter: { conjunction: 'and', conditions: [{ field: 'Status', operator: 'isAnyOf', value: ['Waiting', 'Seen'] }] } },
    });
    expect(view.statusCode).toBe(201);
    const before = await listAll(owner, baseId, visits.id);
    const historyOf = async (recordId: string) => (await owner.request('GET', tableUrl(baseId, visits.id, `/records/${recordId}/history`))).json().history.length;
    const adaHistory = await historyOf(before[0]!.id);

    const status = await choicesOf('Status');
    const renamed = await owner.request('PATCH', tableUrl(baseId, visits.id, `/fields/${fieldNamed(visits, 'Status').id}`), {
      options: { choices: [{ ...status[0]!, name: 'Queued' }, status[2]!] }, // Waiting → Queued, Seen removed
    });
    expect(renamed.statusCode).toBe(200);
    const tags = await choicesOf('Tags');
    expect(
      (
        await owner.request('PATCH', tableUrl(baseId, visits.id, `/fields/${fieldNamed(visits, 'Tags').id}`), {
          options: { choices: [{ ...tags[0]!, name: 'imaging' }, tags[2]!] }, // x-ray → imaging, urgent removed
        })
      ).statusCode,
    ).toBe(200);

    expect(await cells()).toEqual({
      Ada: ['Queued', ['imaging']],
      Bo: [null, null],
      Cy: ['Gone', ['vip']],
      Di: [null, null],
    });
    const queue = (await owner.request('GET', tableUrl(baseId, visits.id, `/views/${view.json().id}`))).json();
    expect(queue.config.filter.conditions[0]).toMatchObject({ operator: 'isAnyOf', value: ['Queued'] });
    const listed = await listAll(owner, baseId, visits.id, '&view=Queue');
    expect(listed.map((record) => record.fields.Patient)).toEqual(['Ada']);
    // Not a change of the records: no history entries, no new modified time.
    expect(await historyOf(before[0]!.id)).toBe(adaHistory);
  });

  it('renames nothing and removes nothing when the choices come back without their ids', async () => {
    const before = await cells();
    const status = await choicesOf('Status');
    const resent = await owner.request('PATCH', tableUrl(baseId, visits.id, `/fields/${fieldNamed(visits, 'Status').id}`), {
      options: { choices: status.map((choice) => ({ name: choice.name })) },
    });
    expect(resent.statusCode).toBe(200);
    expect(await cells()).toEqual(before);
  });

  it('swaps two names without losing either', async () => {
    const status = await choicesOf('Status');
    await owner.request('PATCH', tableUrl(baseId, visits.id, `/fields/${fieldNamed(visits, 'Status').id}`), {
      options: { choices: [{ ...status[0]!, name: status[1]!.name }, { ...status[1]!, name: status[0]!.name }] },
    });
    const now = await cells();
    expect([now.Ada![0], now.Cy![0]]).toEqual([status[1]!.name, status[0]!.name]);
  });
});
