/**
 * Uploaded files on disk: `<dataDir>/attachments/<ab>/<random>` — random names only, so an
 * uploaded name like `../../etc/passwd` is just text in the metadata. The type is sniffed
 * from the bytes (what the client claims is ignored). A row is written only after the file
 * is safely on disk, and the file is removed again if the row cannot be written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { EngineError, newId, type AttachmentInfo } from '@multitable/core';
import { getAttachment, insertAttachment, type Database } from '@multitable/storage';

/** Raster images a browser may show inline; everything else downloads. Never SVG. */
const inlineTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export interface AttachmentStore {
  save(input: { baseId: string; name: string; bytes: Buffer; userId: string }): Promise<AttachmentInfo>;
  open(baseId: string, id: string): Promise<{ info: AttachmentInfo; filePath: string; inline: boolean; createdBy: string }>;
}

/** Keeps a name printable and bounded; it is metadata, shown to people, never a path. */
export function cleanAttachmentName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[\\/]/g, '_').trim().slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

async function sniffType(bytes: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return detected.mime;
  // Valid UTF-8 without NULs is served as plain text (as an attachment, never rendered).
  const sample = bytes.subarray(0, 4096);
  if (!sample.includes(0) && new TextDecoder('utf-8', { fatal: false }).decode(sample).indexOf('\uFFFD') === -1) return 'text/plain';
  return 'application/octet-stream';
}

export function createAttachmentStore(database: Database, dataDir: string): AttachmentStore {
  const root = path.join(dataDir, 'attachments');
  const fileFor = (storageKey: string) => path.join(root, storageKey.slice(0, 2), storageKey);

  return {
    async save({ baseId, name, bytes, userId }) {
      const storageKey = crypto.randomBytes(24).toString('hex');
      const filePath = fileFor(storageKey);
      await fs.mkdir(path.dirname(filePath), { recursive: true });
      await fs.writeFile(filePath, bytes, { flag: 'wx' });
      const info: AttachmentInfo = { id: newId('attachment'), name: cleanAttachmentName(name), size: bytes.length, mimeType: await sniffType(bytes) };
      try {
        await insertAttachment(database.db, { ...info, baseId, storageKey, createdBy: userId, createdAt: new Date().toISOString() });
      } catch (error) {
        await fs.rm(filePath, { force: true });
        throw error;
      }
      return info;
    },
    async open(baseId, id) {
      const row = await getAttachment(database.db, baseId, id);
      if (!row) throw new EngineError('NOT_FOUND', `Attachment "${id}" not found`, { attachment: id });
      const { storageKey, ...rest } = row;
      return {
        info: { id: rest.id, name: rest.name, size: rest.size, mimeType: rest.mimeType },
        filePath: fileFor(storageKey),
        inline: inlineTypes.has(rest.mimeType),
        createdBy: rest.createdBy,
      };
    },
  };
}
