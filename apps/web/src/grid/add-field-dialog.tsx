/**
 * Adds a field: a name, a type from the registry (types needing more set-up than a name, such
 * as links and formulas, come with their own forms later), and choices for select types.
 */
import { Alert, Form, Input, Modal, Select } from 'antd';
import { fieldTypeKeys, type FieldTypeKey } from '@multitable/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createField } from '../api/tables';
import { errorText } from '../pages/form-errors';
import { cellTypeOf } from '../fields/registry';

/** Types that need options beyond a name before they can exist (a linked table, a formula …). */
const needsSetUp = new Set<FieldTypeKey>(['link', 'formula', 'lookup', 'rollup', 'count']);
const withChoices = new Set<FieldTypeKey>(['singleSelect', 'multipleSelect']);

export const addableFieldTypes = fieldTypeKeys.filter((key) => !needsSetUp.has(key));

interface AddFieldForm {
  name: string;
  type: FieldTypeKey;
  choices?: string;
}

export function AddFieldDialog({ baseId, tableId, open, onClose, onAdded }: { baseId: string; tableId: string; open: boolean; onClose(): void; onAdded(): Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddFieldForm>();
  const type = Form.useWatch('type', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    const choices = (values.choices ?? '')
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
    setBusy(true);
    setError(null);
    try {
      await createField(baseId, tableId, { name: values.name.trim(), type: values.type, ...(withChoices.has(values.type) ? { options: { choices } } : {}) });
      await onAdded();
      form.resetFields();
      onClose();
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('grid.addField')} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={submit} onCancel={onClose} width={440} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ type: 'singleLineText' }} data-testid="add-field-form">
        <Form.Item name="name" label={t('grid.fieldName')} rules={[{ required: true, whitespace: true, max: 255 }]}>
          <Input autoFocus data-testid="field-name" />
        </Form.Item>
        <Form.Item name="type" label={t('grid.fieldType')}>
          <Select
            data-testid="field-type"
            showSearch={{ optionFilterProp: 'search' }}
            options={addableFieldTypes.map((key) => {
              const Icon = cellTypeOf({ type: key }).icon;
              const label = t(`fieldTypes.${key}`);
              return {
                value: key,
                search: `${label} ${key}`,
                label: (
                  <span className="mt-type-option">
                    <Icon /> {label}
                  </span>
                ),
              };
            })}
          />
        </Form.Item>
        {type && withChoices.has(type) && (
          <Form.Item name="choices" label={t('grid.choices')} extra={t('grid.choicesHint')}>
            <Input.TextArea rows={4} data-testid="field-choices" />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
