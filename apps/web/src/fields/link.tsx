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
import { listRecords } from '../api/records';
import { listTables, type ApiField } from '../api/tables';
import { cellText } from '../grid/cell-values';
import type { GridContext } from '../grid/grid-context';
import type { CellEditorProps, CellRendererProps, CellType, FieldEditorProps } from './cell-type';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';
import { LinkOptionsEditor } from '../field-design/options/link-options';

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

interface LinkPickerProps {
  field: ApiField;
  context: GridContext;
  linked: LinkedRecord[];
  onChange(next: LinkedRecord[]): void;
  /** A single-record link was chosen: the grid's popup ends its edit. */
  onChosen?(): void;
  /** The search text to start with (keys typed before the grid's popup opened). */
  initialText?: string;
  autoFocus?: boolean;
  /** The matches are listed only while the search box is in use (the record panel keeps them folded). */
  folded?: boolean;
}

/** The linked records as removable tags, a search box, and the matching records to add. */
function LinkPicker({ field, context, linked, onChange, onChosen, initialText = '', autoFocus = false, folded = false }: LinkPickerProps) {
  const { t } = useTranslation();
  const multiple = field.options.multiple !== false;
  const linkedTableId = String(field.options.linkedTableId ?? '');
  const [text, setText] = useState(initialText);
  const [searching, setSearching] = useState(!folded);
  const search = useRef<InputRef>(null);
  const { candidates, loading } = useLinkCandidates(context.baseId, linkedTableId, text, context.env);
  const offered = candidates.filter((candidate) => !linked.some((record) => record.id === candidate.id));

  const add = (record: LinkedRecord) => {
    if (!multiple) {
      onChange([record]);
      onChosen?.();
      if (folded) setSearching(false);
      return;
    }
    onChange([...linked, record]);
    // In the panel the next search starts afresh; the grid's popup keeps its text as before.
    if (folded) setText('');
  };

  return (
    <div className="mt-link-editor">
      <div className="mt-link-chosen">
        {linked.map((record) => (
          <Tag
            key={record.id}
            closable
            onClose={() => {
              onChange(linked.filter((other) => other.id !== record.id));
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
        autoFocus={autoFocus}
        value={text}
        placeholder={t('links.search')}
        onFocus={() => setSearching(true)}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter links the first match, so "type, Enter" links a record without the mouse.
          if (event.key === 'Enter' && !event.nativeEvent.isComposing && offered[0]) {
            event.preventDefault();
            add(offered[0]);
          }
          if (event.key === 'Escape' && folded) setSearching(false);
        }}
        data-testid="link-search"
      />
      {!searching ? null : loading ? (
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
  );
}

function LinkEditor(props: CellEditorProps) {
  const { frame } = usePopupContainer();
  const [linked, setLinked] = useState(() => linkedRecords(props.initialValue));
  const [initialText] = useState(() => props.context.takeTypedAhead());
  const change = (next: LinkedRecord[]) => {
    setLinked(next);
    props.onValueChange(next.length > 0 ? next : null);
  };
  return (
    <PopupEditorFrame frame={frame} width={props.column.getActualWidth()} api={props.api}>
      <LinkPicker
        field={props.field}
        context={props.context}
        linked={linked}
        onChange={change}
        // One record only: choosing it is the whole edit (the value is read once the state is set).
        onChosen={() => setTimeout(() => props.stopEditing(), 0)}
        initialText={initialText}
        autoFocus
      />
    </PopupEditorFrame>
  );
}

/** In the record panel: the picker, folded until the search box is used; the chips alone when the user may not edit. */
function LinkFieldEditor({ value, field, recordId, context, disabled, onSave }: FieldEditorProps) {
  if (disabled) return <LinkRenderer value={value} field={field} recordId={recordId} context={context} />;
  return <LinkPicker field={field} context={context} linked={linkedRecords(value)} onChange={(next) => onSave(next.length > 0 ? next : null)} folded />;
}

export const linkCell: CellType = {
  OptionsEditor: LinkOptionsEditor,
  icon: LinkOutlined,
  Renderer: LinkRenderer,
  Editor: LinkEditor,
  FieldEditor: LinkFieldEditor,
  popupEditor: true,
  editorKeys: ['Enter'],
  takesTypedText: true,
  width: 220,
};
