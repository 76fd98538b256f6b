/** A rating's maximum (1–10) and its symbol. */
import { ratingIcons } from '@multitable/core';
import { Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionOf, type OptionsEditorProps } from '../options-editor';

export function RatingOptionsEditor({ options, onChange }: OptionsEditorProps) {
  const { t } = useTranslation();
  const set = (patch: Record<string, unknown>) => onChange({ ...options, ...patch });
  return (
    <div className="mt-options-grid">
      <Form.Item label={t('fieldDesign.ratingMax')}>
        <InputNumber min={1} max={10} precision={0} value={optionOf(options, 'max', 5)} onChange={(value) => set({ max: value ?? 5 })} data-testid="rating-max" />
      </Form.Item>
      <Form.Item label={t('fieldDesign.ratingIcon')}>
        <Select value={optionOf(options, 'icon', 'star')} onChange={(icon) => set({ icon })} options={ratingIcons.map((value) => ({ value, label: t(`fieldDesign.ratingIcons.${value}`) }))} />
      </Form.Item>
    </div>
  );
}
