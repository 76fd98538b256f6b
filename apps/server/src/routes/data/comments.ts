/**
 * Comments on a record: `GET/POST …/records/:recordId/comments`, `PATCH/DELETE …/comments/:commentId`.
 * Anyone who can read the record reads and writes comments (`base:contribute`: viewers too, not
 * read-only tokens); mentions are `@[usr_…]` in the text. See services/data/comments.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { callerOf } from '../../services/access/caller';
import { addComment, editComment, listComments, maxCommentLength, removeComment } from '../../services/data/comments';
import { NoContent, responses } from '../schemas';
import { RecordParams } from './schemas';

const Person = Type.Object({ id: Type.String(), name: Type.String() });
const ApiCommentSchema = Type.Object({
  id: Type.String(),
  author: Person,
  text: Type.String(),
  mentions: Type.Array(Person),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const CommentBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: maxCommentLength, description: 'Mention people as @[usr_…]' }) },
  { additionalProperties: false },
);
const CommentParams = Type.Object({ ...RecordParams.properties, commentId: Type.String({ pattern: '^cmt_[0-9a-z]{16}$' }) });

export async function commentRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const tags = ['comments'];
  const base = '/bases/:baseId/tables/:tableId/records/:recordId/comments';

  api.get(
    base,
    {
      config: { permission: 'base:read' },
      schema: {
        tags,
        summary: "A record's comments, oldest first",
        params: RecordParams,
        querystring: Type.Object(
          { pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), after: Type.Optional(Type.String({ description: 'The previous page’s `after`' })) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ comments: Type.Array(ApiCommentSchema), after: Type.Optional(Type.String()) }) }),
      },
    },
    async (request) => listComments(platform, callerOf(request), request.params.tableId, request.params.recordId, request.query),
  );

  api.post(
    base,
    { config: { permission: 'base:contribute' }, schema: { tags, summary: 'Comment on a record', params: RecordParams, body: CommentBody, response: responses({ 201: ApiCommentSchema }) } },
    async (request, reply) => reply.status(201).send(await addComment(platform, callerOf(request), request.params.tableId, request.params.recordId, request.body.text)),
  );

  api.patch(
    `${base}/:commentId`,
    { config: { permission: 'base:contribute' }, schema: { tags, summary: 'Edit your comment', params: CommentParams, body: CommentBody, response: responses({ 200: ApiCommentSchema }) } },
    async (request) => editComment(platform, callerOf(request), request.params.tableId, request.params.recordId, request.params.commentId, request.body.text),
  );

  api.delete(
    `${base}/:commentId`,
    { config: { permission: 'base:contribute' }, schema: { tags, summary: 'Delete your comment (admins: any)', params: CommentParams, response: responses({ 204: NoContent }) } },
    async (request, reply) => {
      await removeComment(platform, callerOf(request), request.params.tableId, request.params.recordId, request.params.commentId);
      return reply.status(204).send(null);
    },
  );
}
