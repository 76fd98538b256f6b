/**
 * Comments (issue 6 point 6) under the read policy (RELIABILITY A1.4 "comments"): a record the
 * caller cannot read has no comments for them, answered as a record that does not exist;
 * mentions must name members; only authors edit, authors and admins delete; read-only tokens
 * cannot comment.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import type { TestApp } from '../support/app';
import { useClinic, canariesIn, type Clinic } from './clinic-fixture';

describeEachDialect('comments', (dialect) => {
  const clinic = useClinic(dialect);
  let t: TestApp;
  let c: Clinic;
  beforeAll(() => ({ t, c } = clinic));

  const commentsUrl = (recordId: string) => c.url(c.patients, `/records/${recordId}/comments`);

  it('keeps comments with mentions, oldest first, paged', async () => {
    const ada = c.patientRecords[0]!;
    const first = await c.owner.request('POST', commentsUrl(ada.id), { text: `Please check @[${c.doctor.user.id}] — 复诊` });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ author: { id: c.owner.user.id }, text: `Please check @[${c.doctor.user.id}] — 复诊`, mentions: [{ id: c.doctor.user.id, name: 'Dr Doctor' }] });
    const reply = await c.doctor.request('POST', commentsUrl(ada.id), { text: 'Done' });
    expect(reply.statusCode).toBe(201);
    const page = await c.doctor.request('GET', `${commentsUrl(ada.id)}?pageSize=1`);
    expect(page.json().comments.map((comment: { text: string }) => comment.text)).toEqual([first.json().text]);
    const next = await c.doctor.request('GET', `${commentsUrl(ada.id)}?pageSize=1&after=${page.json().after}`);
    expect(next.json().comments.map((comment: { text: string }) => comment.text)).toEqual(['Done']);
    expect(next.json().after).toBeUndefined();
  });

  it('answers comments of an unreadable record exactly as those of a record that does not exist', async () => {
    const cy = c.patientRecords[2]!;
    expect((await c.owner.request('POST', commentsUrl(cy.id), { text: 'CANARY-comment' })).statusCode).toBe(201);
    const hidden = await c.doctor.request('GET', commentsUrl(cy.id));
    const missing = await c.doctor.request('GET', commentsUrl('rec_0000000000000000'));
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body.replaceAll(cy.id, '<id>')).toBe(missing.body.replaceAll('rec_0000000000000000', '<id>'));
    expect(canariesIn(hidden.body)).toEqual([]);
    expect((await c.doctor.request('POST', commentsUrl(cy.id), { text: 'sneaky' })).statusCode).toBe(404);
    expect((await c.doctor.request('GET', c.url(c.notes, `/records/${c.noteRecords[0]!.id}/comments`))).statusCode).toBe(404);
  });

  it('refuses mentions of non-members and empty text, naming the path', async () => {
    const ada = c.patientRecords[0]!;
    const stranger = await t.signUpUser(c.owner);
    const mention = await c.owner.request('POST', commentsUrl(ada.id), { text: `hi @[${stranger.user.id}]` });
    expect(mention.statusCode).toBe(400);
    expect(mention.json().error.details.path).toBe('body.text');
    expect((await c.owner.request('POST', commentsUrl(ada.id), { text: '   ' })).json().error.details.path).toBe('body.text');
  });

  it('lets authors edit, authors and admins delete, and keeps read-only tokens out', async () => {
    const bo = c.patientRecords[1]!;
    const mine = (await c.doctor.request('POST', commentsUrl(bo.id), { text: 'draft' })).json();
    expect((await c.owner.request('PATCH', `${commentsUrl(bo.id)}/${mine.id}`, { text: 'not yours' })).statusCode).toBe(403);
    const edited = await c.doctor.request('PATCH', `${commentsUrl(bo.id)}/${mine.id}`, { text: 'final' });
    expect(edited.json().text).toBe('final');
    const ownerComment = (await c.owner.request('POST', commentsUrl(bo.id), { text: 'from the owner' })).json();
    expect((await c.doctor.request('DELETE', `${commentsUrl(bo.id)}/${ownerComment.id}`)).statusCode).toBe(403);
    expect((await c.owner.request('DELETE', `${commentsUrl(bo.id)}/${mine.id}`)).statusCode).toBe(204);
    const left = (await c.doctor.request('GET', commentsUrl(bo.id))).json().comments.map((comment: { text: string }) => comment.text);
    expect(left).toEqual(['from the owner']);
    const token = await t.createToken(c.doctor, { access: 'read', baseIds: [c.baseId] });
    const byToken = await t.app.inject({ method: 'POST', url: commentsUrl(bo.id), headers: { authorization: `Bearer ${token}` }, payload: { text: 'x' } });
    expect(byToken.statusCode).toBe(403);
  });
});
