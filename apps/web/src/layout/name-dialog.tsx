/**
 * A small modal that asks for one name (create or rename a base or table). It stays open and
 * shows the server's message when saving fails, e.g. a name already taken.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../pages/form-errors';

export interface NameDialogProps {
  open: boolean;
  title: string;
  initialName?: string;
  okText?: string;
  onSubmit(name: string): Promise<unknown>;
  onClose(): void;
}

export function NameDialog({ open, title, initialName = '', okText, onSubmit, onClose }: NameDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ name: initialName });
    setError(null);
  }, [open, initialName, form]);

  const submit = async () => {
    const { name } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      width={420}
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input autoFocus data-testid="name-input" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
