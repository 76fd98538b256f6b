/**
 * Where a comment is written or edited: a text box where "@" offers the base's members and writes
 * the chosen one as `@[usr_…]` (what the server reads as a mention), sent with Ctrl/Cmd+Enter or
 * the button.
 */
import { Button, Mentions, Space } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/access';

/** What "@" is followed by in the text: `[usr_…]`, so a chosen member is written `@[usr_…]`. */
const mentionValue = (userId: string) => `[${userId}]`;

interface CommentComposerProps {
  members: readonly Member[];
  initialText?: string;
  submitLabel: string;
  /** Resolves when the comment is saved; the box is emptied then (kept on failure). */
  onSubmit(text: string): Promise<unknown>;
  onCancel?(): void;
}

export function CommentComposer({ members, initialText = '', submitLabel, onSubmit, onCancel }: CommentComposerProps) {
  const { t } = useTranslation();
  const namesByValue = new Map(members.map((member) => [mentionValue(member.userId), member.name]));
  const [text, setText] = useState(initialText);
  const [sending, setSending] = useState(false);
  const submit = async () => {
    if (!text.trim() || sending) return;
    setSending(true);
    try {
      await onSubmit(text.trim());
      setText('');
    } catch {
      // The caller said why; the text stays so it can be sent again.
    } finally {
      setSending(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };
  return (
    <div className="mt-comment-composer">
      <Mentions
        value={text}
        onChange={setText}
        onKeyDown={onKeyDown}
        autoSize={{ minRows: 2, maxRows: 8 }}
        placeholder={t('comments.placeholder')}
        options={members.map((member) => ({ value: mentionValue(member.userId), label: member.name, key: member.userId }))}
        // Typed after "@" is part of a name, not of an id.
        filterOption={(input, option) => (namesByValue.get(String(option.value)) ?? '').toLowerCase().includes(input.toLowerCase())}
        data-testid="comment-input"
      />
      <Space className="mt-comment-actions">
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="primary" loading={sending} disabled={!text.trim()} onClick={() => void submit()} data-testid="comment-submit">
          {submitLabel}
        </Button>
      </Space>
    </div>
  );
}
