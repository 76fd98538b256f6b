/**
 * Comments on a record (`…/records/:recordId/comments`), oldest first. Mentions travel inside the
 * text as `@[usr_…]`; the server answers each comment with the mentioned people's names.
 */
import type { ApiComment, ApiPerson } from '@multitable/core';
import { api } from './client';

export type { ApiComment };
export type Person = ApiPerson;

const commentsPath = (baseId: string, tableId: string, recordId: string) => `/bases/${baseId}/tables/${tableId}/records/${recordId}/comments`;

/** Every comment of the record, reading page after page (the server pages at 100). */
export async function listComments(baseId: string, tableId: string, recordId: string): Promise<ApiComment[]> {
  const comments: ApiComment[] = [];
  let after: string | undefined;
  do {
    const page = await api.get<{ comments: ApiComment[]; after?: string }>(commentsPath(baseId, tableId, recordId), { pageSize: 100, after });
    comments.push(...page.comments);
    after = page.after;
  } while (after);
  return comments;
}

export const addComment = (baseId: string, tableId: string, recordId: string, text: string) => api.post<ApiComment>(commentsPath(baseId, tableId, recordId), { text });

export const editComment = (baseId: string, tableId: string, recordId: string, commentId: string, text: string) =>
  api.patch<ApiComment>(`${commentsPath(baseId, tableId, recordId)}/${commentId}`, { text });

export const deleteComment = (baseId: string, tableId: string, recordId: string, commentId: string) =>
  api.delete<void>(`${commentsPath(baseId, tableId, recordId)}/${commentId}`);
