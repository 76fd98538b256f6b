/**
 * A duration's display format (core's `durationFormats`): h:mm rounds to the minute, the others
 * show seconds and their fractions. Only the display changes; stored seconds stay as they are.
 */
import { durationFormats } from '@multitable/core';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionOf, type OptionsEditorProps } from '../options-editor';

/** What 1 h 30 min 15.25 s (5415.25 seconds) looks like in each format, as core formats it (the test checks). */
export const formatSamples: Readonly<Record<(typeof durationFormats)[number], string>> = {
  'h:mm': '1:30',
  'h:mm:ss': '1:30:15',
  'h:mm:ss.S': '1:30:15.3',
  'h:mm:ss.SS': '1:30:15.25',
  'h:mm:ss.SSS': '1:30:15.250',
};

export function DurationOptionsEditor({ options, onChange }: OptionsEditorProps) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('fieldDesign.durationFormat')}>
      <Select
        value={optionOf(options, 'format', 'h:mm')}
        onChange={(format) => onChange({ ...options, format })}
        options={durationFormats.map((value) => ({ value, label: t('fieldDesign.durationSample', { format: value, sample: formatSamples[value] }) }))}
        data-testid="duration-format"
      />
    </Form.Item>
  );
}
