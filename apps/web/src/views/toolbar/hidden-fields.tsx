/**
 * Which fields the view shows: a switch per field (the primary field always shows), and "hide
 * all" / "show all". The grid's column order is the view's field order.
 */
import type { ViewConfig } from '@multitable/core';
import { Button, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiField } from '../../api/tables';
import { FieldOption } from '../filter/filter-builder';

interface HiddenFieldsProps {
  fields: readonly ApiField[];
  config: ViewConfig;
  onChange(patch: Pick<ViewConfig, 'hiddenFieldIds'>): void;
}

export function HiddenFields({ fields, config, onChange }: HiddenFieldsProps) {
  const { t } = useTranslation();
  const hidden = new Set(config.hiddenFieldIds);
  const hideable = fields.filter((field) => !field.isPrimary);
  const set = (fieldId: string, show: boolean) =>
    onChange({ hiddenFieldIds: show ? config.hiddenFieldIds.filter((id) => id !== fieldId) : [...config.hiddenFieldIds, fieldId] });
  return (
    <div className="mt-hidden-fields" data-testid="hidden-fields">
      {fields.map((field) => (
        <label key={field.id} className="mt-hidden-field" data-testid="hidden-field">
          <FieldOption field={field} />
          <Switch size="small" checked={!hidden.has(field.id)} disabled={field.isPrimary} onChange={(show) => set(field.id, show)} aria-label={field.name} />
        </label>
      ))}
      <div className="mt-hidden-fields-actions">
        <Button size="small" type="link" onClick={() => onChange({ hiddenFieldIds: hideable.map((field) => field.id) })}>
          {t('toolbar.hideAll')}
        </Button>
        <Button size="small" type="link" onClick={() => onChange({ hiddenFieldIds: [] })}>
          {t('toolbar.showAll')}
        </Button>
      </div>
    </div>
  );
}
