/**
 * The record panel's fields, each with its type's editor from the cell-type registry (read-only
 * types with their renderer). A change is saved through the grid's cell writer, so it is checked
 * with core first, shown in the grid too and undoable there; a refusal (core's or the server's) is
 * shown under the field and the field goes back to the stored value. Fields the user's role may
 * not edit are shown with disabled editors.
 */
import { LockOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { castInput, isWritable } from '../cell-values';
import { cellTypeOf } from '../../fields/registry';
import type { GridContext } from '../grid-context';

interface RecordFieldsProps {
  fields: readonly ApiField[];
  record: ApiRecord;
  context: GridContext;
}

type ByField<T> = Readonly<Record<string, T>>;

export function RecordFields({ fields, record, context }: RecordFieldsProps) {
  const { t } = useTranslation();
  // Values picked but not yet stored, shown meanwhile (pickers show their value, not the record's).
  const [picked, setPicked] = useState<ByField<unknown>>({});
  const [errors, setErrors] = useState<ByField<string>>({});
  // Bumped on a refusal: the field's editor starts again from the stored value, dropping what was typed.
  const [revisions, setRevisions] = useState<ByField<number>>({});
  useEffect(() => setPicked({}), [record.fields]);

  const save = (field: ApiField, input: unknown) => {
    const outcome = castInput(field, input, context.env);
    setErrors(({ [field.id]: _dropped, ...rest }) => rest);
    if (outcome.ok) setPicked((current) => ({ ...current, [field.id]: outcome.shown }));
    const refuse = (fieldId: string, message: string) => {
      setPicked(({ [field.id]: _dropped, ...rest }) => rest);
      setErrors((current) => ({ ...current, [fieldId]: message }));
      setRevisions((current) => ({ ...current, [fieldId]: (current[fieldId] ?? 0) + 1 }));
    };
    void context.writer
      .write([{ recordId: record.id, fieldId: field.id, input }], {
        before: new Map([[`${record.id}/${field.id}`, record.fields[field.id] ?? null]]),
        showError: (cell, message) => refuse(cell.fieldId, message),
      })
      .then((written) => {
        // Nothing to write (the same value): nothing will replace the picked one.
        if (!written) setPicked(({ [field.id]: _dropped, ...rest }) => rest);
      });
  };

  return (
    <dl className="mt-record-fields">
      {fields.map((field) => {
        const cellType = cellTypeOf(field);
        const Icon = cellType.icon;
        const value = field.id in picked ? picked[field.id] : (record.fields[field.id] ?? null);
        const Editor = isWritable(field) ? cellType.FieldEditor : undefined;
        const error = errors[field.id];
        const locked = Editor !== undefined && !context.writer.mayEdit(field.id);
        return (
          <div key={field.id} className="mt-record-field" data-testid="record-field" data-field-id={field.id}>
            <dt title={field.name}>
              <Icon /> <span className="mt-record-field-name">{field.name}</span>
              {locked && (
                <Tooltip title={t('record.locked')}>
                  <LockOutlined className="mt-record-field-lock" aria-label={t('record.locked')} data-testid="field-locked" />
                </Tooltip>
              )}
            </dt>
            <dd>
              {Editor ? (
                <Editor
                  key={revisions[field.id] ?? 0}
                  value={value}
                  field={field}
                  recordId={record.id}
                  context={context}
                  disabled={locked}
                  onSave={(input) => save(field, input)}
                />
              ) : (
                <cellType.Renderer value={value} field={field} recordId={record.id} context={context} />
              )}
              {error && (
                <Typography.Text type="danger" className="mt-record-field-error" role="alert" data-testid="field-error">
                  {error}
                </Typography.Text>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
