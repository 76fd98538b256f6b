/**
 * A record expanded into a side panel: every field with its type's editor (./record-fields.tsx),
 * its comments and the record's history, newest first, with times in the base's zone. Opened from
 * the expand button in the row-number column and from cards. The record shown is the grid's row,
 * which the grid's live updates keep current, so others' changes appear here as they are made;
 * once the record has left the grid, the panel reads it itself (./use-panel-record.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordHistory, type ApiRecord, type HistoryEntry } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { useLanguage } from '../../i18n/i18n';
import { cellText } from '../cell-values';
import type { GridContext } from '../grid-context';
import { RecordComments } from './record-comments';
import { RecordFields } from './record-fields';

/**
 * The drawer is drawn in a portal, yet React bubbles its events to the grid the panel sits in:
 * keys and clipboard events of the panel's editors must not reach the grid's handlers (there
 * Backspace clears the selected cells and a paste fills them). Escape and Tab still go up, for
 * the drawer to close and keep the focus inside.
 */
const keptFromGrid = {
  onKeyDown: (event: KeyboardEvent) => {
    if (event.key !== 'Escape' && event.key !== 'Tab') event.stopPropagation();
  },
  onCopy: (event: ClipboardEvent) => event.stopPropagation(),
  onCut: (event: ClipboardEvent) => event.stopPropagation(),
  onPaste: (event: ClipboardEvent) => event.stopPropagation(),
};

interface RecordPanelProps {
  baseId: string;
  tableId: string;
  fields: readonly ApiField[];
  record: ApiRecord | undefined;
  /** Changes whenever the grid wrote cells, so the history is read again. */
  version: number;
  context: GridContext;
  onClose(): void;
}

/**
 * The server writes a record's creation as one entry for the record and one per value it was
 * created with; the panel shows them as one "created" entry listing those values.
 */
function withCreatedValues(entries: readonly HistoryEntry[]): Array<{ entry: HistoryEntry; values: HistoryEntry[] }> {
  const values = entries.filter((entry) => entry.action === 'create' && entry.field !== null);
  return entries.filter((entry) => !(entry.action === 'create' && entry.field !== null)).map((entry) => ({ entry, values: entry.action === 'create' ? values : [] }));
}

function HistoryLine({ entry, values, fieldsById, context }: { entry: HistoryEntry; values: HistoryEntry[]; fieldsById: ReadonlyMap<string, ApiField>; context: GridContext }) {
  const { t } = useTranslation();
  const { intl } = useLanguage();
  const field = entry.field ? fieldsById.get(entry.field.id) : undefined;
  const textOf = (of: ApiField | undefined, value: unknown) =>
    value === null || value === undefined ? t('record.empty') : of ? cellText(of, value, context.env) || t('record.empty') : JSON.stringify(value);
  const text = (value: unknown) => textOf(field, value);
  const when = new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone: context.env.timeZone }).format(new Date(entry.at));
  const what = entry.action === 'create' ? t('record.created') : entry.action === 'delete' ? t('record.deleted') : entry.action === 'move' ? t('record.moved') : t('record.changed', { field: entry.field?.name ?? '' });
  return (
    <div className="mt-history-entry" data-testid="history-entry">
      <div>
        <Typography.Text strong>{entry.actor.name}</Typography.Text> {what}
      </div>
      {values.map((value) => (
        <div key={value.id} className="mt-history-change">
          <span className="mt-history-field">{value.field!.name}</span>
          <span>{textOf(fieldsById.get(value.field!.id), value.newValue)}</span>
        </div>
      ))}
      {entry.action === 'update' && (
        <div className="mt-history-change">
          <span className="mt-history-old">{text(entry.oldValue)}</span>
          <span className="mt-history-arrow">→</span>
          <span>{text(entry.newValue)}</span>
        </div>
      )}
      <Typography.Text type="secondary" className="mt-history-time">
        {when}
      </Typography.Text>
    </div>
  );
}

export function RecordPanel({ baseId, tableId, fields, record, version, context, onClose }: RecordPanelProps) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['history', tableId, record?.id, version],
    queryFn: () => recordHistory(baseId, tableId, record!.id),
    enabled: record !== undefined,
  });
  const primary = fields.find((field) => field.isPrimary);
  const title = (primary && record && cellText(primary, record.fields[primary.id], context.env)) || t('record.title');
  return (
    <Drawer open={record !== undefined} onClose={onClose} title={title} size={480} destroyOnHidden data-testid="record-panel">
      {record && (
        <div {...keptFromGrid}>
          <RecordFields fields={fields} record={record} context={context} />
          <RecordComments baseId={baseId} tableId={tableId} recordId={record.id} timeZone={context.env.timeZone} />
          <Typography.Title level={5}>{t('record.history')}</Typography.Title>
          {history.isPending ? (
            <Spin />
          ) : history.data?.length ? (
            <Timeline
              items={withCreatedValues(history.data).map(({ entry, values }) => ({
                key: entry.id,
                content: <HistoryLine entry={entry} values={values} fieldsById={context.fieldsById} context={context} />,
              }))}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.noHistory')} />
          )}
        </div>
      )}
    </Drawer>
  );
}
