/**
 * A link: the table it links to (fixed once created: the server refuses a change), one record or
 * several, and — at creation — whether the linked table gets the inverse field, and its name.
 */
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { listTables } from '../../api/tables';
import { optionOf, type OptionsEditorProps } from '../options-editor';

export function LinkOptionsEditor({ options, onChange, baseId, table, saved }: OptionsEditorProps) {
  const { t } = useTranslation();
  const tables = useQuery({ queryKey: ['tables', baseId], queryFn: () => listTables(baseId) });
  const set = (patch: Record<string, unknown>) => onChange({ ...options, ...patch });
  const twoWay = optionOf(options, 'twoWay', true);
  return (
    <>
      <Form.Item label={t('fieldDesign.linkedTable')} required>
        <Select
          value={optionOf(options, 'linkedTableId', '') || undefined}
          disabled={saved !== undefined}
          placeholder={t('fieldDesign.pickTable')}
          onChange={(linkedTableId) => set({ linkedTableId })}
          options={(tables.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.id === table.id ? t('fieldDesign.thisTable', { name: candidate.name }) : candidate.name }))}
          data-testid="linked-table"
        />
      </Form.Item>
      <div className="mt-options-grid">
        <Form.Item label={t('fieldDesign.allowSeveralRecords')}>
          <Switch checked={optionOf(options, 'multiple', true)} onChange={(multiple) => set({ multiple })} />
        </Form.Item>
        {!saved && (
          <Form.Item label={t('fieldDesign.twoWay')} tooltip={t('fieldDesign.twoWayHint')}>
            <Switch checked={twoWay} onChange={(value) => set({ twoWay: value })} data-testid="link-two-way" />
          </Form.Item>
        )}
      </div>
      {!saved && twoWay && (
        <Form.Item label={t('fieldDesign.inverseName')}>
          <Input value={optionOf(options, 'inverseName', '')} placeholder={t('fieldDesign.inverseNameHint', { name: table.name })} onChange={(event) => set({ inverseName: event.target.value || undefined })} data-testid="inverse-name" />
        </Form.Item>
      )}
    </>
  );
}
