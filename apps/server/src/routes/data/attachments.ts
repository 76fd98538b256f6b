/**
 * Attachments: upload one file (`multipart/form-data`, field `file`) to a base, and download it.
 * Multipart is accepted only inside this plugin. Downloads are always `attachment` (raster
 * images may be asked for inline), never sniffed by the browser, and sandboxed by CSP, so an
 * uploaded HTML or SVG file can never run in the app's origin.
 */
import fs from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { EngineError } from '@multitable/core';
import { requireBaseActor } from '../../auth/actor';
import { responses } from '../schemas';
import { AttachmentParams, BaseParams } from './schemas';

const AttachmentSchema = Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer(), mimeType: Type.String() });

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const maxBytes = Math.floor(platform.config.attachmentMaxMiB * 1024 * 1024);
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
  const tags = ['attachments'];

  api.post(
    '/bases/:baseId/attachments',
    {
      config: { permission: 'base:write' },
      schema: {
        tags,
        summary: 'Upload a file; put its id in an attachment cell',
        description: `multipart/form-data with one file. The type is read from the bytes; at most ${platform.config.attachmentMaxMiB} MiB.`,
        params: BaseParams,
        response: responses({ 201: AttachmentSchema }),
      },
    },
    async (request, reply) => {
      const actor = requireBaseActor(request);
      if (!request.isMultipart()) throw new EngineError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data', { path: 'body' });
      const file = await request.file();
      if (!file) throw new EngineError('VALIDATION_FAILED', 'No file in the upload', { path: 'body.file' });
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new EngineError('PAYLOAD_TOO_LARGE', `The file is larger than ${platform.config.attachmentMaxMiB} MiB`, { path: 'body.file', maxBytes });
        }
        throw error;
      }
      const info = await platform.attachments.save({ baseId: actor.baseId, name: file.filename ?? 'file', bytes, userId: actor.userId });
      return reply.status(201).send(info);
    },
  );

  api.get(
    '/bases/:baseId/attachments/:attachmentId',
    {
      config: { permission: 'base:read' },
      schema: {
        tags,
        summary: 'Download a file',
        params: AttachmentParams,
        querystring: Type.Object({ inline: Type.Optional(Type.Boolean({ description: 'Show a PNG, JPEG, GIF or WebP image inline' })) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = requireBaseActor(request);
      const { info, filePath, inline } = await platform.attachments.open(actor.baseId, request.params.attachmentId);
      return reply
        .header('content-type', info.mimeType)
        .header('content-length', info.size)
        .header('content-disposition', contentDisposition(request.query.inline && inline ? 'inline' : 'attachment', info.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, max-age=0')
        .send(fs.createReadStream(filePath));
    },
  );
}
