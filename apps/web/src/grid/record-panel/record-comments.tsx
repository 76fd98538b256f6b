/**
 * The comments of the record in the panel, oldest first, with a box to add one. Authors edit and
 * delete their own. Comments others add show live: the table's realtime messages say when one
 * was created on this record, and the list is read again.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listMembers } from '../../api/access';
import { addComment, deleteComment, editComment, listComments, type ApiComment } from '../../api/comments';
import { useUser } from '../../auth/session';
import { useLanguage } from '../../i18n/i18n';
import { useTableRealtime } from '../../realtime/realtime-context';
import { commentSegments } from './comment-text';
import { CommentComposer } from './comment-composer';

interface RecordCommentsProps {
  baseId: string;
  tableId: string;
  recordId: string;
  /** The base's zone: comment times are shown in it, like the record's dates. */
  timeZone: string;
}

function CommentText({ comment, namesById }: { comment: ApiComment; namesById: ReadonlyMap<string, string> }) {
  // The server's names for this comment's mentions first (they cover people who left the base).
  const names = new Map([...namesById, ...comment.mentions.map((person) => [person.id, person.name] as const)]);
  return (
    <div className="mt-comment-text" data-testid="comment-text">
      {commentSegments(comment.text, names).map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <Tag key={index} color="blue" className="mt-mention" data-testid="mention">
            @{segment.name ?? segment.userId}
          </Tag>
        ),
      )}
    </div>
  );
}

export function RecordComments({ baseId, tableId, recordId, timeZone }: RecordCommentsProps) {
  const { t } = useTranslation();
  const { intl } = useLanguage();
  const { message } = App.useApp();
  const me = useUser();
  const queryClient = useQueryClient();
  const queryKey = ['comments', tableId, recordId];
  const comments = useQuery({ queryKey, queryFn: () => listComments(baseId, tableId, recordId) });
  const members = useQuery({ queryKey: ['members', baseId], queryFn: () => listMembers(baseId) });
  const namesById = useMemo(() => new Map((members.data ?? []).map((member) => [member.userId, member.name])), [members.data]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const reload = () => queryClient.invalidateQueries({ queryKey });

  useTableRealtime(tableId, {
    onMessage: (received) => {
      if (received.type === 'comment.created' && received.recordId === recordId) void reload();
    },
    onResync: () => void reload(),
  });

  const failed = (error: unknown) => {
    void message.error(error instanceof Error ? error.message : String(error));
    throw error;
  };
  const add = (text: string) => addComment(baseId, tableId, recordId, text).then(reload, failed);
  const edit = (commentId: string, text: string) =>
    editComment(baseId, tableId, recordId, commentId, text).then(() => {
      setEditingId(null);
      return reload();
    }, failed);
  const remove = (commentId: string) => deleteComment(baseId, tableId, recordId, commentId).then(reload, failed);
  const when = (at: string) => new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));

  return (
    <section className="mt-comments" data-testid="record-comments">
      <Typography.Title level={5}>{t('comments.title')}</Typography.Title>
      {comments.isPending ? (
        <Spin />
      ) : comments.data?.length ? (
        <ol className="mt-comment-list">
          {comments.data.map((comment) => (
            <li key={comment.id} className="mt-comment" data-testid="comment">
              <div className="mt-comment-head">
                <Typography.Text strong>{comment.author.name}</Typography.Text>
                <Typography.Text type="secondary" className="mt-history-time">
                  {when(comment.createdAt)}
                  {comment.updatedAt !== comment.createdAt && ` · ${t('comments.edited')}`}
                </Typography.Text>
                {comment.author.id === me.id && editingId !== comment.id && (
                  <span className="mt-comment-tools">
                    <Button size="small" type="link" onClick={() => setEditingId(comment.id)} data-testid="comment-edit">
                      {t('comments.edit')}
                    </Button>
                    <Popconfirm title={t('comments.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(comment.id)}>
                      <Button size="small" type="link" danger data-testid="comment-delete">
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </span>
                )}
              </div>
              {editingId === comment.id ? (
                <CommentComposer
                  members={members.data ?? []}
                  initialText={comment.text}
                  submitLabel={t('common.save')}
                  onSubmit={(text) => edit(comment.id, text)}
                  onCancel={() => setEditingId(null)}
                />
              ) : (
                <CommentText comment={comment} namesById={namesById} />
              )}
            </li>
          ))}
        </ol>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comments.none')} />
      )}
      {editingId === null && <CommentComposer members={members.data ?? []} submitLabel={t('comments.send')} onSubmit={add} />}
    </section>
  );
}
