/**
 * Attachments through the API (RELIABILITY A4.4): the type comes from the bytes, downloads are
 * `attachment` + nosniff + sandboxed (inline only for raster images), hostile names are metadata
 * and never paths, the size limit is 413 with nothing kept, and ids do not cross bases or roles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { bearer, startTestApp, type SignedIn, type TestApp } from '../support/app';
import { boundary, createTable, multipartFile, pngBytes, tableUrl, upload, type ApiTable } from './data-helpers';

/** Every file under `dir`, as paths relative to it. */
function walk(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? walk(path.join(dir, entry.name), relative) : [relative];
  });
}

const attachmentDir = 'attachments';
const insideStore = (file: string) => file.startsWith(`${attachmentDir}${path.sep}`);

describeEachDialect('attachments API', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  let table: ApiTable;
  const attachmentUrl = (id: string, query = '') => `/api/v1/bases/${baseId}/attachments/${id}${query}`;
  const countRows = async () => Number((await t.database.db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner, 'Files')).id;
    table = await createTable(owner, baseId, 'Scans', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Scan', type: 'attachment' },
    ]);
  });
  afterAll(async () => t.cleanup());

  it('sniffs the type from the bytes and ignores the type the client claims', async () => {
    const png = await upload(t, owner, baseId, multipartFile({ filename: 'x-ray.png', contentType: 'text/html', bytes: pngBytes }));
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ id: expect.stringMatching(/^att_/), name: 'x-ray.png', size: pngBytes.length, mimeType: 'image/png' });

    const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
    const page = await upload(t, owner, baseId, multipartFile({ filename: 'page.html', contentType: 'text/html', bytes: html }));
    expect(page.statusCode).toBe(201);
    expect(page.json().mimeType).toBe('text/plain');

    const download = await owner.request('GET', attachmentUrl(page.json().id));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).not.toMatch(/html/);
    expect(download.rawPayload.equals(html)).toBe(true);

    const blob = Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x80, 0x00]);
    const binary = await upload(t, owner, baseId, multipartFile({ filename: 'blob.bin', contentType: 'image/png', bytes: blob }));
    expect(binary.json().mimeType).toBe('application/octet-stream');
  });

  it('serves downloads as attachments with the UTF-8 name, nosniff and a sandbox CSP', async () => {
    const name = '病历 «scan» 2026.png';
    const uploaded = (await upload(t, owner, baseId, multipartFile({ filename: name, contentType: 'image/png', bytes: pngBytes }))).json();
    expect(uploaded.name).toBe(name);
    const res = await owner.request('GET', attachmentUrl(uploaded.id));
    expect(res.statusCode).toBe(200);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(disposition).toMatch(/filename="[\x20-\x7e]*"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.equals(pngBytes)).toBe(true);
  });

  it('shows only raster images inline when asked, never text or SVG', async () => {
    const png = (await upload(t, owner, baseId, multipartFile({ filename: 'a.png', contentType: 'image/png', bytes: pngBytes }))).json();
    const inline = await owner.request('GET', attachmentUrl(png.id, '?inline=true'));
    expect(String(inline.headers['content-disposition'])).toMatch(/^inline;/);
    expect(String(inline.headers['content-security-policy'])).toContain('sandbox');

    const svgBytes = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>');
    const svg = (await upload(t, owner, baseId, multipartFile({ filename: 'logo.svg', contentType: 'image/svg+xml', bytes: svgBytes }))).json();
    const svgInline = await owner.request('GET', attachmentUrl(svg.id, '?inline=true'));
    expect(svgInline.statusCode).toBe(200);
    expect(String(svgInline.headers['content-disposition'])).toMatch(/^attachment;/);

    const text = (await upload(t, owner, baseId, multipartFile({ filename: 'n.txt', contentType: 'image/png', bytes: Buffer.from('hello') }))).json();
    const textInline = await owner.request('GET', attachmentUrl(text.id, '?inline=true'));
    expect(String(textInline.headers['content-disposition'])).toMatch(/^attachment;/);
  });

  it('keeps hostile file names as metadata only; no file is written outside the attachment store', async () => {
    const before = walk(t.config.dataDir);
    const outside = before.filter((file) => !insideStore(file));
    const hostile = ['../../../etc/passwd', '..\\..\\x', '%2e%2e%2f%2e%2e%2fescape', `${'a'.repeat(4096)}.png`, 'nul\u0000byte.png', '..', '/abs/path.png'];
    const ids: string[] = [];
    for (const filename of hostile) {
      const res = await upload(t, owner, baseId, multipartFile({ filename, contentType: 'text/plain', bytes: Buffer.from(`content of ${filename.slice(0, 20)}`) }));
      expect(res.statusCode, filename.slice(0, 40)).toBe(201);
      const info = res.json();
      expect(info.name).not.toMatch(/[\\/\u0000]/);
      expect(info.name.length).toBeGreaterThan(0);
      expect(info.name.length).toBeLessThanOrEqual(255);
      expect(info.name).not.toBe('..');
      // Percent escapes are not decoded: they are just characters of a name.
      if (filename.startsWith('%2e')) expect(info.name).toBe(filename);
      ids.push(info.id);
      const download = await owner.request('GET', attachmentUrl(info.id));
      expect(download.statusCode).toBe(200);
      expect(download.body).toBe(`content of ${filename.slice(0, 20)}`);
    }
    const after = walk(t.config.dataDir);
    // Outside the store only what was there before (the SQLite files) — nothing new.
    expect(after.filter((file) => !insideStore(file) && !/\.sqlite[^/]*$|\.db[^/]*$/.test(file))).toEqual(
      outside.filter((file) => !/\.sqlite[^/]*$|\.db[^/]*$/.test(file)),
    );
    const newFiles = after.filter((file) => insideStore(file) && !before.includes(file));
    expect(newFiles).toHaveLength(hostile.length);
    for (const file of newFiles) expect(file).toMatch(new RegExp(`^${attachmentDir}[\\\\/][0-9a-f]{2}[\\\\/][0-9a-f]{48}$`));
    expect(fs.existsSync(path.resolve(t.config.dataDir, '../../../etc/passwd.png'))).toBe(false);
  });

  it('answers path-like or unknown attachment ids with 404', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'att_0000000000000000', 'ATT_0000000000000000', '..']) {
      const res = await owner.request('GET', `/api/v1/bases/${baseId}/attachments/${id}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.body).not.toContain('root:');
    }
  });

  it('accepts a file of a few MiB under the default limit', async () => {
    const bytes = Buffer.concat([pngBytes, Buffer.alloc(3 * 1024 * 1024, 7)]);
    const res = await upload(t, owner, baseId, multipartFile({ filename: 'big.png', contentType: 'image/png', bytes }));
    expect(res.statusCode).toBe(201);
    expect(res.json().size).toBe(bytes.length);
    const download = await owner.request('GET', attachmentUrl(res.json().id));
    expect(download.rawPayload.length).toBe(bytes.length);
  });

  it('refuses a file over the configured limit with 413, keeping neither row nor file', async () => {
    const small = await startTestApp(dialect, { config: { attachmentMaxMiB: 0.01 } });
    try {
      const smallOwner = await small.signUpOwner();
      const smallBase = (await small.createBase(smallOwner, 'Small')).id;
      const filesBefore = walk(path.join(small.config.dataDir, attachmentDir));
      const ok = await upload(small, smallOwner, smallBase, multipartFile({ filename: 'ok.txt', contentType: 'text/plain', bytes: Buffer.alloc(5000, 97) }));
      expect(ok.statusCode).toBe(201);
      const rowsBefore = Number((await small.database.db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const filesWithOne = walk(path.join(small.config.dataDir, attachmentDir));
      expect(filesWithOne.length).toBe(filesBefore.length + 1);

      const res = await upload(small, smallOwner, smallBase, multipartFile({ filename: 'big.txt', contentType: 'text/plain', bytes: Buffer.alloc(20_000, 97) }));
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { path: 'body.file' } });
      const rowsAfter = Number((await small.database.db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(rowsAfter).toBe(rowsBefore);
      expect(walk(path.join(small.config.dataDir, attachmentDir))).toEqual(filesWithOne);
    } finally {
      await small.cleanup();
    }
  });

  it('refuses an upload that is not multipart, or has no file', async () => {
    const rows = await countRows();
    const json = await owner.request('POST', `/api/v1/bases/${baseId}/attachments`, { file: 'x' });
    expect([400, 415]).toContain(json.statusCode);
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bases/${baseId}/attachments`,
      headers: { ...owner.headers, 'content-type': 'multipart/form-data; boundary=zz' },
      payload: Buffer.from('--zz--\r\n'),
    });
    expect(empty.statusCode).toBe(400);
    expect(await countRows()).toBe(rows);
  });

  it('answers a malformed multipart body with 400, never a 500, keeping neither row nor file', async () => {
    const rows = await countRows();
    const files = walk(path.join(t.config.dataDir, attachmentDir));
    const send = (payload: string, contentType = `multipart/form-data; boundary=${boundary}`) =>
      t.app.inject({ method: 'POST', url: `/api/v1/bases/${baseId}/attachments`, headers: { ...owner.headers, 'content-type': contentType }, payload: Buffer.from(payload) });
    const cases: Array<[string, string | undefined]> = [
      [`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\n\r\nno closing boundary`, undefined],
      ['not multipart at all', undefined],
      ['x', 'multipart/form-data'],
      [`--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\na field, not a file\r\n--${boundary}--\r\n`, undefined],
    ];
    for (const [payload, contentType] of cases) {
      const res = await send(payload, contentType);
      expect(res.statusCode, `${payload.slice(0, 30)}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await countRows()).toBe(rows);
    expect(walk(path.join(t.config.dataDir, attachmentDir))).toEqual(files);
  });

  it("answers an attachment of another base with 404, and refuses it in this base's cells naming the field", async () => {
    const otherBase = (await t.createBase(owner, 'Other files')).id;
    const foreign = (await upload(t, owner, otherBase, multipartFile({ filename: 'theirs.png', contentType: 'image/png', bytes: pngBytes }))).json();
    expect((await owner.request('GET', `/api/v1/bases/${otherBase}/attachments/${foreign.id}`)).statusCode).toBe(200);

    const res = await owner.request('GET', attachmentUrl(foreign.id));
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('theirs.png');

    const create = await owner.request('POST', tableUrl(baseId, table.id, '/records'), { fields: { Name: 'x', Scan: [{ id: foreign.id }] } });
    expect(create.statusCode).toBe(400);
    expect(create.json().error).toMatchObject({ code: 'INVALID_CELL_VALUE', details: { field: 'Scan', path: 'fields.Scan' } });
    expect(create.body).not.toContain('theirs.png');

    const mine = (await upload(t, owner, baseId, multipartFile({ filename: 'mine.png', contentType: 'image/png', bytes: pngBytes }))).json();
    const record = (await owner.request('POST', tableUrl(baseId, table.id, '/records'), { fields: { Name: 'y', Scan: [{ id: mine.id }] } })).json();
    const update = await owner.request('PATCH', tableUrl(baseId, table.id, `/records/${record.id}`), { fields: { Scan: [{ id: mine.id }, { id: foreign.id }] }, typecast: true });
    expect(update.statusCode).toBe(400);
    expect(update.json().error.details).toMatchObject({ field: 'Scan' });
    const after = (await owner.request('GET', tableUrl(baseId, table.id, `/records/${record.id}`))).json();
    expect(after.fields.Scan).toEqual([{ id: mine.id, name: 'mine.png', size: pngBytes.length, mimeType: 'image/png' }]);
  });

  it('ignores a client-sent name, size and type inside a cell', async () => {
    const real = (await upload(t, owner, baseId, multipartFile({ filename: 'real.png', contentType: 'image/png', bytes: pngBytes }))).json();
    const res = await owner.request('POST', tableUrl(baseId, table.id, '/records'), {
      fields: { Name: 'z', Scan: [{ id: real.id, name: 'evil.html', size: 1, mimeType: 'text/html' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().fields.Scan).toEqual([{ id: real.id, name: 'real.png', size: pngBytes.length, mimeType: 'image/png' }]);
  });

  it('lets a viewer and a read token download but not upload (403)', async () => {
    const viewer = await t.signUpUser(owner);
    await t.addMember(owner, baseId, viewer.user.id, 'viewer');
    const file = (await upload(t, owner, baseId, multipartFile({ filename: 'shared.png', contentType: 'image/png', bytes: pngBytes }))).json();
    const download = await viewer.request('GET', attachmentUrl(file.id));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pngBytes)).toBe(true);

    const rows = await countRows();
    const files = walk(path.join(t.config.dataDir, attachmentDir));
    const refused = await upload(t, viewer, baseId, multipartFile({ filename: 'viewer.png', contentType: 'image/png', bytes: pngBytes }));
    expect(refused.statusCode).toBe(403);

    const secret = await t.createToken(owner, { access: 'read', baseIds: [baseId] });
    expect((await t.app.inject({ method: 'GET', url: attachmentUrl(file.id), headers: bearer(secret) })).statusCode).toBe(200);
    const byToken = await upload(t, { headers: bearer(secret) }, baseId, multipartFile({ filename: 't.png', contentType: 'image/png', bytes: pngBytes }));
    expect(byToken.statusCode).toBe(403);

    const stranger = await t.signUpUser(owner);
    expect((await stranger.request('GET', attachmentUrl(file.id))).statusCode).toBe(404);
    expect((await upload(t, stranger, baseId, multipartFile({ filename: 's.png', contentType: 'image/png', bytes: pngBytes }))).statusCode).toBe(404);

    expect(await countRows()).toBe(rows);
    expect(walk(path.join(t.config.dataDir, attachmentDir))).toEqual(files);
  });
});
