/**
 * Field design for a table view: the actions its column headers and toolbar call (add, edit,
 * hide, sort or filter by, delete a field) and the dialogs they open — the field dialog, the
 * conversion report after a type change, the delete confirmation naming the field. Hiding, sorting
 * and filtering save the view's settings like its toolbar does; schema changes refresh the table
 * through `onSchemaChanged`.
 */
import type { ViewConfig } from '@multitable/core';
import { App } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../api/bases';
import { deleteField, type ApiField, type ApiTable, type ConversionReport } from '../api/tables';
import { errorText } from '../pages/form-errors';
import { newCondition } from '../views/filter/filter-model';
import { ConversionReportDialog } from './conversion-report';
import type { FieldDesignActions } from './field-design-context';
import { FieldDialog } from './field-dialog';

interface FieldDesignInput {
  base: Base;
  table: ApiTable;
  config: ViewConfig | undefined;
  saveConfig(patch: Partial<ViewConfig>): void;
  /** Whether the user may save the view's settings (filtering by a field is offered only then). */
  savesView: boolean;
  onSchemaChanged(): Promise<unknown>;
}

export interface FieldDesign {
  actions: FieldDesignActions & { add(): void };
  /** The dialogs, to render once in the view. */
  dialogs: ReactNode;
}

export function useFieldDesign({ base, table, config, saveConfig, savesView, onSchemaChanged }: FieldDesignInput): FieldDesign {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  // `fieldId` null: adding a field. The field itself is read from the table, so the dialog sees its latest options.
  const [editing, setEditing] = useState<{ fieldId: string | null } | null>(null);
  const [report, setReport] = useState<{ fieldName: string; conversion: ConversionReport } | null>(null);
  const hiddenFieldIds = config?.hiddenFieldIds;
  const filter = config?.filter;

  const actions = useMemo<FieldDesign['actions']>(
    () => ({
      add: () => setEditing({ fieldId: null }),
      edit: (field) => setEditing({ fieldId: field.id }),
      hide: (field) => saveConfig({ hiddenFieldIds: [...(hiddenFieldIds ?? []), field.id] }),
      sort: (field, direction) => saveConfig({ sorts: [{ field: field.id, direction }] }),
      ...(savesView
        ? {
            // The type's first operator, no operand yet: inactive until the user gives one in the toolbar's filter.
            filterBy: (field: ApiField) => {
              saveConfig({ filter: { conjunction: filter?.conjunction ?? 'and', conditions: [...(filter?.conditions ?? []), newCondition(field)] } });
              void message.info(t('fieldDesign.filterAdded', { name: field.name }));
            },
          }
        : {}),
      remove: (field) =>
        void modal.confirm({
          title: t('fieldDesign.deleteTitle', { name: field.name }),
          content: t('fieldDesign.deleteWarning'),
          okText: t('common.delete'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: async () => {
            try {
              await deleteField(base.id, table.id, field.id);
              await onSchemaChanged();
            } catch (error) {
              void message.error(errorText(error, t));
            }
          },
        }),
    }),
    [base.id, table.id, hiddenFieldIds, filter, savesView, saveConfig, onSchemaChanged, modal, message, t],
  );

  const field = editing?.fieldId ? table.fields.find((candidate) => candidate.id === editing.fieldId) : undefined;
  const dialogs = (
    <>
      {editing && (editing.fieldId === null || field) && (
        <FieldDialog
          key={editing.fieldId ?? 'new'}
          baseId={base.id}
          baseTimeZone={base.timeZone}
          table={table}
          {...(field ? { field } : {})}
          onClose={() => setEditing(null)}
          onSaved={async (saved, conversion) => {
            await onSchemaChanged();
            if (conversion) setReport({ fieldName: saved.name, conversion });
          }}
        />
      )}
      <ConversionReportDialog fieldName={report?.fieldName ?? ''} report={report?.conversion ?? null} onClose={() => setReport(null)} />
    </>
  );
  return { actions, dialogs };
}
