/**
 * Lookup, rollup and count read through one of the table's link fields: these editors pick the
 * link, then (lookup, rollup) a field of the linked table, and for a rollup how to aggregate it —
 * one of core's aggregations, or a formula over `values`.
 */
import { rollupAggregations, rollupValuesReference } from '@multitable/core';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { listTables, type ApiField } from '../../api/tables';
import { optionOf, type OptionsEditorProps } from '../options-editor';

function LinkFieldSelect({ options, onChange, table }: OptionsEditorProps) {
  const { t } = useTranslation();
  const links = table.fields.filter((field) => field.type === 'link');
  return (
    <Form.Item label={t('fieldDesign.throughLink')} required extra={links.length === 0 ? t('fieldDesign.noLinkFields') : undefined}>
      <Select
        value={optionOf(options, 'linkFieldId', '') || undefined}
        placeholder={t('fieldDesign.pickLinkField')}
        onChange={(linkFieldId) => onChange({ ...options, linkFieldId, targetFieldId: '' })}
        options={links.map((field) => ({ value: field.id, label: field.name }))}
        data-testid="link-field"
      />
    </Form.Item>
  );
}

/** The fields of the table the chosen link points at. */
function useLinkedFields({ options, table, baseId }: OptionsEditorProps): ApiField[] {
  const tables = useQuery({ queryKey: ['tables', baseId], queryFn: () => listTables(baseId) });
  const link = table.fields.find((field) => field.id === options.linkFieldId);
  const linkedTableId = link?.options.linkedTableId;
  return tables.data?.find((candidate) => candidate.id === linkedTableId)?.fields ?? [];
}

function TargetFieldSelect(props: OptionsEditorProps) {
  const { t } = useTranslation();
  const fields = useLinkedFields(props);
  const { options, onChange } = props;
  return (
    <Form.Item label={t('fieldDesign.linkedField')} required>
      <Select
        value={optionOf(options, 'targetFieldId', '') || undefined}
        placeholder={t('fieldDesign.pickLinkedField')}
        disabled={!options.linkFieldId}
        onChange={(targetFieldId) => onChange({ ...options, targetFieldId })}
        options={fields.map((field) => ({ value: field.id, label: field.name }))}
        data-testid="target-field"
      />
    </Form.Item>
  );
}

export function LookupOptionsEditor(props: OptionsEditorProps) {
  return (
    <div className="mt-options-grid">
      <LinkFieldSelect {...props} />
      <TargetFieldSelect {...props} />
    </div>
  );
}

export function CountOptionsEditor(props: OptionsEditorProps) {
  return <LinkFieldSelect {...props} />;
}

export function RollupOptionsEditor(props: OptionsEditorProps) {
  const { t } = useTranslation();
  const { options, onChange } = props;
  const aggregation = optionOf<string>(options, 'aggregation', 'sum');
  return (
    <>
      <div className="mt-options-grid">
        <LinkFieldSelect {...props} />
        <TargetFieldSelect {...props} />
      </div>
      <Form.Item label={t('fieldDesign.aggregation')}>
        <Select
          value={aggregation}
          onChange={(value) => onChange({ ...options, aggregation: value })}
          options={rollupAggregations.map((value) => ({ value, label: t(`fieldDesign.aggregations.${value}`) }))}
          data-testid="rollup-aggregation"
        />
      </Form.Item>
      {aggregation === 'formula' && (
        <Form.Item label={t('fieldDesign.rollupFormula')} extra={t('fieldDesign.rollupFormulaHint', { values: rollupValuesReference })}>
          <Input.TextArea rows={2} className="mt-formula-input" value={optionOf(options, 'formula', '')} onChange={(event) => onChange({ ...options, formula: event.target.value })} />
        </Form.Item>
      )}
    </>
  );
}
