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
import { EngineError, isEngineError } from '@multitable/core';
import { requireBaseActor } from '../../auth/actor';
import { assertAttachmentReadable } from '../../services/access/attachment-access';
import { callerOf } from '../../services/access/caller';
import { responses } from '../schemas';
import { AttachmentParams, BaseParams } from './schemas';

const AttachmentSchema = Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer(), mimeType: Type.String() });

const FileBytes = Type.Unsafe<fs.ReadStream>({ type: 'string', contentMediaType: 'application/octet-stream', description: "The file's bytes; Content-Type is the type sniffed at upload" });

/**
 * The upload body, for OpenAPI. @fastify/multipart streams the file, so there is no parsed body
 * to validate: the schema has no `type`, which every value (the absent body included) satisfies,
 * and the handler checks the parts itself.
 */
const UploadBody = {
  content: {
    'multipart/form-data': {
      schema: {
        properties: { file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The file; its name becomes the attachment name' } },
        required: ['file'],
      },
    },
  },
};

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * What went wrong while reading the multipart body, as an engine error: the size limit is 413,
 * a part that is not one file is 400, and anything the parser throws on a malformed body
 * (busboy's plain `Error`s: no boundary, unexpected end) is 400 too, never a 500.
 */
function multipartError(error: unknown, maxMiB: number, maxBytes: number): EngineError {
  if (isEngineError(error)) return error;
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new EngineError('PAYLOAD_TOO_LARGE', `The file is larger than ${maxMiB} MiB`, { path: 'body.file', maxBytes });
    case 'FST_FIELDS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new EngineError('VALIDATION_FAILED', 'Send exactly one part: the file, with a filename', { path: 'body.file' });
    default:
      return new EngineError('VALIDATION_FAILED', 'The multipart/form-data body is malformed', { path: 'body' });
  }
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
        body: UploadBody,
        response: responses({ 201: AttachmentSchema }),
      },
    },
    async (request, reply) => {
      const actor = requireBaseActor(request);
      if (!request.isMultipart()) throw new EngineError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data', { path: 'body' });
      let upload: { filename: string; bytes: Buffer };
      try {
        const file = await request.file();
        if (!file) throw new EngineError('VALIDATION_FAILED', 'No file in the upload', { path: 'body.file' });
        upload = { filename: file.filename, bytes: await file.toBuffer() };
      } catch (error) {
        throw multipartError(error, platform.config.attachmentMaxMiB, maxBytes);
      }
      const info = await platform.attachments.save({ baseId: actor.baseId, name: upload.filename || 'file', bytes: upload.bytes, userId: actor.userId });
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
        // Sent as a stream, which fastify never serializes: the schema only documents it.
        response: { ...responses({}), 200: { description: FileBytes.description, content: { 'application/octet-stream': { schema: FileBytes } } } },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { info, filePath, inline, createdBy } = await platform.attachments.open(caller.baseId, request.params.attachmentId);
      await assertAttachmentReadable(platform, caller, { id: info.id, createdBy });
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
