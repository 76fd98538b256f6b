/**
 * What card layouts (kanban, gallery) give the cell renderers and the record panel: the same
 * context as the grid's — users, time zone, locale, fields — and a cell writer, so a checkbox
 * ticked in the record panel is checked and saved as in the grid. There is no grid to draw into:
 * after a save the layout reads its records again.
 */
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../../api/bases';
import type { ApiTable } from '../../api/tables';
import { listUsers } from '../../api/users';
import { useLanguage } from '../../i18n/i18n';
import { userDirectory, type CellEnvironment } from '../../grid/cell-values';
import { CellWriter } from '../../grid/editing/cell-writer';
import type { GridContext } from '../../grid/grid-context';

export function useCardContext(base: Base, table: ApiTable, mayEdit: (fieldId: string) => boolean, onStored: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const env = useMemo<CellEnvironment>(() => ({ users: userDirectory(users.data ?? []), timeZone: base.timeZone, locale: language.intl }), [users.data, base.timeZone, language.intl]);
  const fieldsById = useMemo(() => new Map(table.fields.map((field) => [field.id, field])), [table.fields]);
  const context = useMemo<GridContext>(() => {
    const writer = new CellWriter({
      baseId: base.id,
      tableId: table.id,
      fields: () => fieldsById,
      mayEdit,
      env: () => env,
      grid: () => undefined,
      showError: (_cell, text) => void message.error(text),
      onStored: () => {
        setVersion((next) => next + 1);
        onStored();
      },
      onWaiting: () => {},
      messages: {
        readOnly: (field) => t('grid.readOnly', { field: field.name }),
        notAllowed: (field) => t('grid.notAllowed', { field: field.name }),
        invalid: (field, reason) => t('grid.invalid', { field: field.name, reason }),
      },
    });
    return { baseId: base.id, env, users: users.data ?? [], fieldsById, writer, takeTypedAhead: () => '', expandRecord: setOpenId, toggleGroup: () => {} };
  }, [base.id, table.id, fieldsById, mayEdit, env, users.data, message, t, onStored]);
  return { context, env, openId, setOpenId, version };
}
