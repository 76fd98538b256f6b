/**
 * How many statements a request sends the database. On PostgreSQL each is a round trip that
 * costs the server more than a small read does; a record page used to take five. The caller's
 * role, the base's versions and the user directory's version are read with the credentials,
 * and metadata comes from the cache, so a page is the credentials read and the page read.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import { describeEachDialect } from '../support/databases';
import { createRecords, createTable, tableUrl, type ApiTable } from './data-helpers';

describeEachDialect('statements per request', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  let table: ApiTable;
  let recording: string[] | undefined;

  beforeAll(async () => {
    t = await startTestApp(dialect, { onSql: (sql) => recording?.push(sql) });
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner, 'Clinic')).id;
    table = await createTable(owner, baseId, 'Visits', [
      { name: 'Note', type: 'singleLineText' },
      { name: 'Who', type: 'person' },
    ]);
    await createRecords(owner, baseId, table.id, [{ Note: 'first', Who: [{ id: owner.user.id }] }, { Note: 'second' }]);
  });
  afterAll(() => t?.cleanup());

  const statementsOf = async (method: 'GET' | 'PATCH', url: string, body?: () => unknown) => {
    await owner.request(method, url, body?.()); // fills the metadata cache
    recording = [];
    const response = await owner.request(method, url, body?.());
    const sent = recording;
    recording = undefined;
    expect(response.statusCode, response.body).toBe(200);
    return sent;
  };

  it('reads a page of records in two statements: the credentials with the access, and the page', async () => {
    const sent = await statementsOf('GET', tableUrl(baseId, table.id, '/records'));
    expect(sent, sent.join('\n')).toHaveLength(2);
    expect(sent[0]).toMatch(/from "sessions"/);
  });

  it('reads the versions a write needs once, with the user directory’s', async () => {
    const [record] = (await (await owner.request('GET', tableUrl(baseId, table.id, '/records'))).json()).records as Array<{ id: string }>;
    let edits = 0;
    const sent = await statementsOf('PATCH', tableUrl(baseId, table.id, `/records/${record!.id}`), () => ({ fields: { Note: `edit ${++edits}` } }));
    expect(sent.some((sql) => /^update/i.test(sql)), sent.join('\n')).toBe(true);
    expect(sent.filter((sql) => /from "meta_versions"/.test(sql) && !/from "bases"/.test(sql))).toEqual([]);
    // Once in the transaction: where fields are locked, after the lock (the cast starts from what the request read).
    expect(sent.filter((sql) => /^select "schema_version"/.test(sql))).toHaveLength(1);
    // Its history and event go in one statement where the database allows an INSERT in a WITH.
    const changeLog = sent.filter((sql) => /insert into "(history|outbox)"/.test(sql));
    expect(changeLog).toHaveLength(t.database.dialect.supportsInsertInWith ? 1 : 2);
    expect(sent.filter((sql) => /from "base_members"/.test(sql) && !/from "sessions"/.test(sql))).toEqual([]);
  });
});
