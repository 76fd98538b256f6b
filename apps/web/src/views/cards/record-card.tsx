/**
 * A record as a card (kanban and gallery): an optional cover on top, the primary field as the
 * title, then the view's other shown fields with values (empty ones left out), drawn by the
 * fields' cell renderers. A kanban's cards drag to other columns and to another place in their
 * own; a click opens the record.
 */
import type { ReactNode } from 'react';
import type { ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { cellText } from '../../grid/cell-values';
import { cellTypeOf } from '../../fields/registry';
import type { GridContext } from '../../grid/grid-context';

/** Fields a card shows below its title; the rest are in the record panel. */
const maxCardFields = 4;

interface RecordCardProps {
  record: ApiRecord;
  cover?: ReactNode;
  primary: ApiField | undefined;
  fields: readonly ApiField[];
  context: GridContext;
  draggable: boolean;
  /** A dragged card would land just before this one: a line shows where. */
  dropBefore?: boolean;
  onOpen(): void;
}

export function RecordCard({ record, cover, primary, fields, context, draggable, dropBefore = false, onOpen }: RecordCardProps) {
  const title = primary ? cellText(primary, record.fields[primary.id], context.env) : '';
  const shown = fields.filter((field) => !field.isPrimary && record.fields[field.id] !== undefined).slice(0, maxCardFields);
  return (
    <div
      className={`mt-record-card${dropBefore ? ' mt-record-card-drop-before' : ''}`}
      draggable={draggable}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', record.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={onOpen}
      role="button"
      tabIndex={0}
      onKeyDown={(event) => event.key === 'Enter' && onOpen()}
      data-testid="record-card"
      data-record={record.id}
    >
      {cover}
      <div className="mt-record-card-title">{title || '—'}</div>
      {shown.map((field) => {
        const { Renderer, icon: Icon } = cellTypeOf(field);
        return (
          <div key={field.id} className="mt-record-card-field">
            <span className="mt-record-card-label">
              <Icon /> {field.name}
            </span>
            <span className="mt-record-card-value">
              <Renderer value={record.fields[field.id]} field={field} recordId={record.id} context={context} />
            </span>
          </div>
        );
      })}
    </div>
  );
}
