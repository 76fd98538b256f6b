/**
 * Link: the linked records' titles as chips; edited with a record picker that searches the linked
 * table (its primary field `contains` the typed text, read through the records query) and adds or
 * removes linked records. The value is the `{ id, title }` list core's link cast reads.
 */
import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import type { FilterGroup, LinkedRecord } from '@multitable/core';
import { useQuery } from '@tanstack/react-query';
import { Input, Spin, Tag, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRecords } from '../../api/records';
import { listTables } from '../../api/tables';
import { cellText } from '../cell-values';
import type { CellEditorProps, CellRendererProps, CellType } from './cell-type';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';

/** How many matching records the picker lists; typing more narrows them. */
const pickerPageSize = 20;

function linkedRecords(value: unknown): LinkedRecord[] {
  return Array.isArray(value) ? value.filter((item): item is LinkedRecord => typeof item === 'object' && item !== null && typeof (item as LinkedRecord).id === 'string') : [];
}

function LinkRenderer({ value }: CellRendererProps) {
  const { t } = useTranslation();
  return (
    <span className="mt-cell-links">
      {linkedRecords(value).map((record) => (
        <span key={record.id} className="mt-link-chip" data-testid="link-chip">
          {record.title || t('links.untitled')}
        </span>
      ))}
    </span>
  );
}

/** The linked table's records whose title contains `text` (all of them, first page, when empty). */
function useLinkCandidates(baseId: string, linkedTableId: string, text: string, env: CellEditorProps['context']['env']) {
  const tables = useQuery({ queryKey: ['tables', baseId], queryFn: () => listTables(baseId) });
  const linkedTable = tables.data?.find((table) => table.id === linkedTableId);
  const primary = linkedTable?.fields.find((field) => field.id === linkedTable.primaryFieldId);
  const search = text.trim();
  const filter: FilterGroup | null = primary && search ? { conjunction: 'and', conditions: [{ field: primary.id, operator: 'contains', value: search }] } : null;
  const records = useQuery({
    queryKey: ['link-candidates', baseId, linkedTableId, search],
    queryFn: () => listRecords(baseId, linkedTableId, { offset: 0, pageSize: pickerPageSize }, { filter }),
    enabled: primary !== undefined,
  });
  const candidates: LinkedRecord[] = (records.data?.records ?? []).map((record) => ({ id: record.id, title: primary ? cellText(primary, record.fields[primary.id], env) : '' }));
  return { candidates, loading: tables.isPending || records.isPending };
}

function LinkEditor(props: CellEditorProps) {
  const { t } = useTranslation();
  const { frame } = usePopupContainer();
  const multiple = props.field.options.multiple !== false;
  const linkedTableId = String(props.field.options.linkedTableId ?? '');
  const [linked, setLinked] = useState(() => linkedRecords(props.initialValue));
  const [text, setText] = useState(() => props.context.takeTypedAhead());
  const search = useRef<InputRef>(null);
  const { candidates, loading } = useLinkCandidates(props.context.baseId, linkedTableId, text, props.context.env);
  const offered = candidates.filter((candidate) => !linked.some((record) => record.id === candidate.id));

  const change = (next: LinkedRecord[]) => {
    setLinked(next);
    props.onValueChange(next.length > 0 ? next : null);
  };
  const add = (record: LinkedRecord) => {
    if (!multiple) {
      change([record]);
      // One record only: choosing it is the whole edit (the value is read once the state is set).
      setTimeout(() => props.stopEditing(), 0);
      return;
    }
    change([...linked, record]);
  };

  return (
    <PopupEditorFrame frame={frame} width={props.column.getActualWidth()} api={props.api}>
      <div className="mt-link-editor">
        <div className="mt-link-chosen">
          {linked.map((record) => (
            <Tag
              key={record.id}
              closable
              onClose={() => {
                change(linked.filter((other) => other.id !== record.id));
                // The keyboard stays in the editor (Tab and Enter end the edit from the search box).
                search.current?.focus();
              }}
              data-testid="link-chosen"
            >
              {record.title || t('links.untitled')}
            </Tag>
          ))}
        </div>
        <Input
          ref={search}
          autoFocus
          value={text}
          placeholder={t('links.search')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter links the first match, so "type, Enter" links a record without the mouse.
            if (event.key === 'Enter' && offered[0]) {
              event.preventDefault();
              add(offered[0]);
            }
          }}
          data-testid="link-search"
        />
        {loading ? (
          <Spin size="small" />
        ) : offered.length === 0 ? (
          <Typography.Text type="secondary">{t('links.noMatches')}</Typography.Text>
        ) : (
          <ul className="mt-link-options">
            {offered.map((record) => (
              <li key={record.id}>
                <button type="button" className="mt-link-option" onClick={() => add(record)} data-testid="link-option">
                  <PlusOutlined /> {record.title || t('links.untitled')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </PopupEditorFrame>
  );
}

export const linkCell: CellType = {
  icon: LinkOutlined,
  Renderer: LinkRenderer,
  Editor: LinkEditor,
  popupEditor: true,
  editorKeys: ['Enter'],
  width: 220,
};
