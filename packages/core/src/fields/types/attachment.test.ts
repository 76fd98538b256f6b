import { describe, expect, it } from 'vitest';
import { makeCastContext, makeFormatContext, testAttachments } from '../test-support';
import { attachment } from './attachment';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });
const [report, photo] = testAttachments as [(typeof testAttachments)[0], (typeof testAttachments)[0]];

describe('attachment cast', () => {
  it('copies stored metadata for { id } objects and ids, ignoring what the client sent', () => {
    const forged = { id: report.id, name: 'evil.html', size: 1, mimeType: 'text/html' };
    expect(attachment.cast([forged, photo.id], {}, strict)).toEqual({ ok: true, value: [report, photo] });
  });
  it('builds objects with keys in jsonb order: id, name, size, mimeType', () => {
    const result = attachment.cast([{ mimeType: 'x', id: report.id }], {}, strict);
    expect(result.ok && Object.keys(result.value![0]!)).toEqual(['id', 'name', 'size', 'mimeType']);
  });
  it('refuses ids that were never uploaded, naming them and their position', () => {
    expect(attachment.cast([report.id, { id: 'att_missing000000000' }], {}, strict)).toEqual({
      ok: false,
      reason: '[1]: no uploaded file has the id "att_missing000000000"',
    });
  });
  it('refuses items that are not attachments', () => {
    expect(attachment.cast([42], {}, strict)).toEqual({ ok: false, reason: '[0]: 42 is not an attachment (expected { id })' });
  });
  it('drops duplicates and treats an empty array as an empty cell', () => {
    expect(attachment.cast([report.id, { id: report.id }], {}, strict)).toEqual({ ok: true, value: [report] });
    expect(attachment.cast([], {}, strict)).toEqual({ ok: true, value: null });
  });
  it('needs an array in strict mode; typecast also takes one id or comma-separated ids', () => {
    expect(attachment.cast(report.id, {}, strict).ok).toBe(false);
    expect(attachment.cast(report.id, {}, loose)).toEqual({ ok: true, value: [report] });
    expect(attachment.cast(`${photo.id}, ${report.id}`, {}, loose)).toEqual({ ok: true, value: [photo, report] });
    expect(attachment.cast({ id: photo.id }, {}, loose)).toEqual({ ok: true, value: [photo] });
  });
});

describe('attachment format, order, operators', () => {
  it('formats file names joined with a comma', () => {
    expect(attachment.format([report, photo], {}, makeFormatContext())).toBe('report.pdf, photo.png');
  });
  it('sorts by JSON text and offers only emptiness operators', () => {
    expect(attachment.compare([photo], [report], {})).toBeLessThan(0);
    expect(attachment.operators).toEqual(['isEmpty', 'isNotEmpty']);
  });
});
