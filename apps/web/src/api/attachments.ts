/**
 * Uploaded files of a base: `POST /bases/:baseId/attachments` stores one and answers its metadata
 * (the id goes into an attachment cell); `GET …/attachments/:id?inline=true` shows an image.
 */
import type { AttachmentInfo } from '@multitable/core';
import { apiBase, uploadFile } from './client';

export const uploadAttachment = (baseId: string, file: File) => uploadFile<AttachmentInfo>(`/bases/${baseId}/attachments`, file);

/** The image types the server sends inline (apps/server attachments: `inline=true`). */
export const inlineImageTypes: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const attachmentUrl = (baseId: string, attachmentId: string, inline = false) => `${apiBase}/bases/${baseId}/attachments/${attachmentId}${inline ? '?inline=true' : ''}`;
