/**
 * What card layouts (kanban, gallery, calendar) give the cell renderers and the record panel: the
 * same context as the grid's — users, time zone, locale, fields — and a cell writer, so a checkbox
 * ticked in the record panel is checked and saved as in the grid. There is no grid to draw into:
 * after a save the layout reads its records again. Edits made offline wait in the same store as
 * the grid's (per user and base, surviving a reload) and are sent when the connection is back or
 * the layout opens again.
 */
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../../api/bases';
import type { ApiTable } from '../../api/tables';
import { listUsers } from '../../api/users';
import { useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/i18n';
import { useTableRealtime } from '../../realtime/realtime-context';
import { userDirectory, type CellEnvironment } from '../../grid/cell-values';
import { CellWriter } from '../../grid/editing/cell-writer';
import { persistentWaiting, writerMessages } from '../../grid/editing/writer-setup';
import type { GridContext } from '../../grid/grid-context';

export function useCardContext(base: Base, table: ApiTable, mayEdit: (fieldId: string) => boolean, onStored: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const userId = useSession().user?.id;
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const env = useMemo<CellEnvironment>(() => ({ users: userDirectory(users.data ?? []), timeZone: base.timeZone, locale: language.intl }), [users.data, base.timeZone, language.intl]);
  const fieldsById = useMemo(() => new Map(table.fields.map((field) => [field.id, field])), [table.fields]);
  // One writer per table and user, as the grid's: the edits waiting in it are not read twice.
  const latest = useRef({ fieldsById, mayEdit, env, message, onStored });
  latest.current = { fieldsById, mayEdit, env, message, onStored };
  const writer = useMemo(
    () =>
      new CellWriter({
        baseId: base.id,
        tableId: table.id,
        fields: () => latest.current.fieldsById,
        mayEdit: (fieldId) => latest.current.mayEdit(fieldId),
        env: () => latest.current.env,
        grid: () => undefined,
        showError: (_cell, text) => void latest.current.message.error(text),
        onStored: () => {
          setVersion((next) => next + 1);
          latest.current.onStored();
        },
        onWaiting: () => {},
        onWaitingRefused: (text) => void latest.current.message.error(t('realtime.waitingRefused', { message: text })),
        ...persistentWaiting(userId, base.id),
        messages: writerMessages(t),
      }),
    [base.id, table.id, userId, t],
  );
  const context = useMemo<GridContext>(
    () => ({ baseId: base.id, env, users: users.data ?? [], fieldsById, writer, takeTypedAhead: () => '', expandRecord: setOpenId, toggleGroup: () => {} }),
    [base.id, env, users.data, fieldsById, writer],
  );

  // Edits left waiting by an earlier page (or view) go out now; later ones when the connection is back.
  useEffect(() => {
    if (writer.waitingCount > 0) void writer.sendWaiting().finally(() => latest.current.onStored());
  }, [writer]);
  useTableRealtime(table.id, {
    onMessage: () => {},
    onResync: () => void writer.sendWaiting().finally(() => latest.current.onStored()),
  });

  return { context, env, openId, setOpenId, version };
}
