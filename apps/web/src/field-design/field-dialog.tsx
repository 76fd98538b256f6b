/**
 * The one dialog for adding a field and changing one: name, type, description, and the type's own
 * options through its registry entry's `OptionsEditor`. Options are checked by core before
 * sending; the server's refusals (naming the JSON path) show in the dialog. Changing a saved
 * field's type warns first that values which cannot convert are emptied (the API has no preview),
 * and hands the conversion report back to the caller.
 */
import { Alert, Form, Input, Modal } from 'antd';
import type { FieldTypeKey } from '@multitable/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createField, updateField, type ApiField, type ApiTable, type ConversionReport } from '../api/tables';
import { cellTypeOf } from '../fields/registry';
import { errorText } from '../pages/form-errors';
import { fieldPatch, newFieldDefinition, optionsProblem, startingOptions, type FieldDraft } from './field-request';
import { TypeSelect } from './type-select';
import './field-design.css';

export interface FieldDialogProps {
  baseId: string;
  baseTimeZone: string;
  table: ApiTable;
  /** The field to change; absent to add one. */
  field?: ApiField;
  onClose(): void;
  onSaved(field: ApiField, conversion?: ConversionReport): Promise<unknown>;
}

export function FieldDialog({ baseId, baseTimeZone, table, field, onClose, onSaved }: FieldDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; description: string }>();
  const [type, setType] = useState<FieldTypeKey>(field?.type ?? 'singleLineText');
  const [options, setOptions] = useState<Record<string, unknown>>(() => startingOptions(field, field?.type ?? 'singleLineText'));
  const [optionsChanged, setOptionsChanged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const OptionsEditor = cellTypeOf({ type }).OptionsEditor;
  const typeChanging = field !== undefined && type !== field.type;

  const changeType = (next: FieldTypeKey) => {
    setType(next);
    setOptions(startingOptions(field, next));
    setOptionsChanged(false);
    setError(null);
  };

  const submit = async () => {
    const values = await form.validateFields();
    const draft: FieldDraft = { name: values.name, description: values.description ?? '', type, options, optionsChanged };
    const problem = optionsProblem(type, options);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      if (field) {
        const patch = fieldPatch(field, draft);
        if (Object.keys(patch).length > 0) {
          const saved = await updateField(baseId, table.id, field.id, patch);
          await onSaved(saved.field, saved.conversion);
        }
      } else await onSaved(await createField(baseId, table.id, newFieldDefinition(draft)));
      onClose();
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={field ? t('fieldDesign.editTitle', { name: field.name }) : t('grid.addField')}
      okText={field ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      width={OptionsEditor?.wide ? 860 : 520}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ name: field?.name ?? '', description: field?.description ?? '' }} data-testid="field-dialog">
        <div className="mt-options-grid">
          <Form.Item name="name" label={t('grid.fieldName')} rules={[{ required: true, whitespace: true, max: 255 }]}>
            <Input autoFocus data-testid="field-name" />
          </Form.Item>
          <Form.Item label={t('grid.fieldType')}>
            <TypeSelect value={type} onChange={changeType} />
          </Form.Item>
        </div>
        {typeChanging && <Alert className="mt-field-dialog-alert" type="warning" showIcon title={t('fieldDesign.typeChangeWarning', { type: t(`fieldTypes.${type}`) })} data-testid="type-change-warning" />}
        {OptionsEditor && (
          <div className="mt-field-options" data-testid="field-options">
            <OptionsEditor
              options={options}
              onChange={(next) => {
                setOptions(next);
                setOptionsChanged(true);
              }}
              table={table}
              baseId={baseId}
              baseTimeZone={baseTimeZone}
              {...(field && !typeChanging ? { saved: field } : {})}
            />
          </div>
        )}
        <Form.Item name="description" label={t('fieldDesign.description')}>
          <Input.TextArea rows={2} maxLength={20000} placeholder={t('fieldDesign.descriptionHint')} data-testid="field-description" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="field-dialog-error" />}
    </Modal>
  );
}
