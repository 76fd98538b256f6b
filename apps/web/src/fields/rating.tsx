/**
 * Rating: stars (or hearts, thumbs, flags) up to the field's maximum. Clicking a star sets it;
 * typing a digit sets that rating; in the editor the arrow keys move it and Enter saves.
 */
import { FlagFilled, HeartFilled, LikeFilled, StarFilled, StarOutlined } from '@ant-design/icons';
import { Rate } from 'antd';
import { useEffect } from 'react';
import { editorClass } from '../grid/grid-context';
import type { CellEditorProps, CellRendererProps, CellType, FieldEditorProps } from './cell-type';
import { RatingOptionsEditor } from '../field-design/options/rating-options';

const icons = { star: <StarFilled />, heart: <HeartFilled />, thumb: <LikeFilled />, flag: <FlagFilled /> };

function ratingProps(options: Record<string, unknown>) {
  const max = typeof options.max === 'number' ? options.max : 5;
  const icon = icons[(options.icon as keyof typeof icons) ?? 'star'] ?? icons.star;
  return { count: max, character: icon };
}

function RatingRenderer({ value, field, recordId, context }: CellRendererProps) {
  return (
    <Rate
      className="mt-cell-rating"
      {...ratingProps(field.options)}
      value={typeof value === 'number' ? value : 0}
      onChange={(next) => void context.writer.write([{ recordId, fieldId: field.id, input: next === 0 ? null : next }])}
    />
  );
}

function RatingEditor(props: CellEditorProps) {
  const typed = props.eventKey && /^[0-9]$/.test(props.eventKey) ? Number(props.eventKey) : undefined;
  const { onValueChange, stopEditing } = props;
  useEffect(() => {
    if (typed === undefined) return;
    onValueChange(typed === 0 ? null : typed);
    stopEditing();
  }, [typed, onValueChange, stopEditing]);
  return (
    <div className={`mt-rating-editor ${editorClass}`} data-testid="cell-editor">
      <Rate
        autoFocus
        {...ratingProps(props.field.options)}
        defaultValue={typeof props.initialValue === 'number' ? props.initialValue : 0}
        onChange={(next) => onValueChange(next === 0 ? null : next)}
      />
    </div>
  );
}

function RatingFieldEditor({ value, field, disabled, onSave }: FieldEditorProps) {
  return (
    <Rate
      {...ratingProps(field.options)}
      value={typeof value === 'number' ? value : 0}
      disabled={disabled}
      onChange={(next) => onSave(next === 0 ? null : next)}
      data-testid="field-editor"
    />
  );
}

export const ratingCell: CellType = {
  OptionsEditor: RatingOptionsEditor,
  icon: StarOutlined,
  Renderer: RatingRenderer,
  Editor: RatingEditor,
  FieldEditor: RatingFieldEditor,
  editorKeys: ['ArrowLeft', 'ArrowRight'],
  width: 150,
};
