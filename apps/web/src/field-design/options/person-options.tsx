/** A person field: one person or several, and whether people are notified when assigned. */
import { Form, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionOf, type OptionsEditorProps } from '../options-editor';

export function PersonOptionsEditor({ options, onChange }: OptionsEditorProps) {
  const { t } = useTranslation();
  const set = (patch: Record<string, unknown>) => onChange({ ...options, ...patch });
  return (
    <div className="mt-options-grid">
      <Form.Item label={t('fieldDesign.allowSeveralPeople')}>
        <Switch checked={optionOf(options, 'multiple', true)} onChange={(multiple) => set({ multiple })} />
      </Form.Item>
      <Form.Item label={t('fieldDesign.notifyOnAssign')}>
        <Switch checked={optionOf(options, 'notify', true)} onChange={(notify) => set({ notify })} />
      </Form.Item>
    </div>
  );
}
