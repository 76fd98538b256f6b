/**
 * The toolbar's choice of the field a layout is built on (kanban: stacked by; calendar: date
 * field; gallery: cover), from the layout registry (../layouts). Saved to the view, so only
 * roles that may design the table can change it.
 */
import type { ViewConfig } from '@multitable/core';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiField } from '../../api/tables';
import { fieldOptions } from '../filter/filter-builder';
import { layoutFieldOf, layoutFields, type LayoutType } from '../layouts';

interface LayoutFieldSelectProps {
  layout: LayoutType;
  fields: readonly ApiField[];
  config: ViewConfig;
  canDesign: boolean;
  onConfig(patch: Partial<ViewConfig>): void;
}

export function LayoutFieldSelect({ layout, fields, config, canDesign, onConfig }: LayoutFieldSelectProps) {
  const { t } = useTranslation();
  const spec = layoutFields[layout];
  if (!spec) return null;
  const candidates = spec.candidates(fields);
  if (candidates.length === 0 && !spec.none) return null;
  const none = spec.none ? [{ value: null, label: t(spec.none) }] : [];
  return (
    <span className="mt-stack-by">
      <span className="mt-stack-by-label">{t(spec.label)}</span>
      <Select<string | null>
        size="small"
        variant="borderless"
        value={layoutFieldOf(layout, config, fields)?.id ?? null}
        options={[...none, ...fieldOptions(candidates)]}
        disabled={!canDesign}
        onChange={(fieldId) => onConfig({ [spec.setting]: fieldId })}
        popupMatchSelectWidth={false}
        data-testid={spec.testId}
      />
    </span>
  );
}
