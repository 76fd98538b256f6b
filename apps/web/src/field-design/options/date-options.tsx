/**
 * A date's display: with or without a time, the date and time formats, and the time zone its
 * times are shown and entered in ('' = the base's zone, named in the choice). Created and modified
 * time fields have the same options (core's stamp-types.ts), shown with the time by default.
 */
import { dateFormats, timeFormats } from '@multitable/core';
import { Form, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { optionOf, type OptionsEditorProps } from '../options-editor';

export function DateOptionsEditor({ options, onChange, baseTimeZone, includeTimeByDefault = false }: OptionsEditorProps & { includeTimeByDefault?: boolean }) {
  const { t } = useTranslation();
  const includeTime = optionOf(options, 'includeTime', includeTimeByDefault);
  const set = (patch: Record<string, unknown>) => onChange({ ...options, ...patch });
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: zone })), []);
  return (
    <div className="mt-options-grid">
      <Form.Item label={t('fieldDesign.includeTime')}>
        <Switch checked={includeTime} onChange={(value) => set({ includeTime: value })} data-testid="include-time" />
      </Form.Item>
      <Form.Item label={t('fieldDesign.dateFormat')}>
        <Select value={optionOf(options, 'dateFormat', 'iso')} onChange={(dateFormat) => set({ dateFormat })} options={dateFormats.map((value) => ({ value, label: t(`fieldDesign.dateFormats.${value}`) }))} />
      </Form.Item>
      {includeTime && (
        <Form.Item label={t('fieldDesign.timeFormat')}>
          <Select value={optionOf(options, 'timeFormat', '24h')} onChange={(timeFormat) => set({ timeFormat })} options={timeFormats.map((value) => ({ value, label: t(`fieldDesign.timeFormats.${value}`) }))} />
        </Form.Item>
      )}
      {includeTime && (
        <Form.Item label={t('fieldDesign.timeZone')}>
          <Select
            showSearch
            value={optionOf(options, 'timeZone', '')}
            onChange={(timeZone) => set({ timeZone })}
            options={[{ value: '', label: t('fieldDesign.baseTimeZone', { zone: baseTimeZone }) }, ...zones]}
          />
        </Form.Item>
      )}
    </div>
  );
}

/** Created and modified time: a date's options, the time included unless turned off (core's default). */
export function TimeStampOptionsEditor(props: OptionsEditorProps) {
  return <DateOptionsEditor {...props} includeTimeByDefault />;
}
