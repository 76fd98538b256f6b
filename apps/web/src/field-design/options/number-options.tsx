/** A number's display: plain, currency (with its symbol), percent or progress, and decimal places. */
import { numberFormats } from '@multitable/core';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionOf, type OptionsEditorProps } from '../options-editor';

export function NumberOptionsEditor({ options, onChange }: OptionsEditorProps) {
  const { t } = useTranslation();
  const format = optionOf<string>(options, 'format', 'plain');
  const set = (patch: Record<string, unknown>) => onChange({ ...options, ...patch });
  return (
    <div className="mt-options-grid">
      <Form.Item label={t('fieldDesign.numberFormat')}>
        <Select value={format} onChange={(value) => set({ format: value })} options={numberFormats.map((value) => ({ value, label: t(`fieldDesign.numberFormats.${value}`) }))} data-testid="number-format" />
      </Form.Item>
      <Form.Item label={t('fieldDesign.precision')}>
        <InputNumber min={0} max={8} precision={0} value={optionOf(options, 'precision', 2)} onChange={(value) => set({ precision: value ?? 0 })} data-testid="number-precision" />
      </Form.Item>
      {format === 'currency' && (
        <Form.Item label={t('fieldDesign.currencySymbol')}>
          <Input maxLength={8} value={optionOf(options, 'currencySymbol', '¥')} onChange={(event) => set({ currencySymbol: event.target.value })} data-testid="currency-symbol" />
        </Form.Item>
      )}
      <Form.Item label={t('fieldDesign.allowNegative')}>
        <Switch checked={optionOf(options, 'allowNegative', true)} onChange={(allowNegative) => set({ allowNegative })} />
      </Form.Item>
    </div>
  );
}
