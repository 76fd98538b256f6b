/**
 * The view's toolbar: hide fields, filter, group, sort and row height, each a popover over the
 * view's settings. A button is tinted while its setting is in use and says how (e.g. "2 filters").
 * Settings saved on the server need the right to design the table; group-by is kept in this
 * browser (./../view-settings.ts), so everyone may group.
 */
import { ColumnHeightOutlined, EyeInvisibleOutlined, FilterOutlined, GroupOutlined, SortAscendingOutlined } from '@ant-design/icons';
import { maxSorts, rowHeights, type FilterGroup, type ViewConfig } from '@multitable/core';
import { Button, Dropdown, Popover, Tooltip, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiField } from '../../api/tables';
import type { UserSummary } from '../../api/users';
import type { GroupLevel } from '../../grid/record-datasource';
import { FilterBuilder } from '../filter/filter-builder';
import { conditionCount, profileOf, pruned, queryableFields } from '../filter/filter-model';
import { maxGroupLevels } from '../view-settings';
import { HiddenFields } from './hidden-fields';
import { LevelList } from './level-list';

export interface ViewToolbarProps {
  fields: readonly ApiField[];
  config: ViewConfig;
  groupBy: readonly GroupLevel[];
  /** Why the view's settings cannot be changed here (locked, or another's shared view); undefined when they can. */
  lockedReason?: string | undefined;
  users: readonly UserSummary[];
  onConfig(patch: Partial<ViewConfig>): void;
  onGroupBy(levels: GroupLevel[]): void;
  /** A board stacks its cards by one field and has no rows: no group-by, no row height. */
  board?: boolean;
}

interface ToolButtonProps {
  active: boolean;
  /** Why the tool cannot be used, if it cannot. */
  disabledReason?: string | undefined;
  icon: ReactNode;
  label: string;
  testId: string;
}

function ToolButton({ active, disabledReason, icon, label, testId, ...rest }: ToolButtonProps & ButtonProps) {
  const disabled = disabledReason !== undefined;
  const button = (
    <Button type="text" size="small" icon={icon} disabled={disabled} className={active ? 'mt-tool-active' : undefined} data-testid={testId} {...rest}>
      {label}
    </Button>
  );
  return disabled ? <Tooltip title={disabledReason}>{button}</Tooltip> : button;
}

function Tool({ content, title, ...button }: { content: ReactNode; title: string } & ToolButtonProps) {
  if (button.disabledReason !== undefined) return <ToolButton {...button} />;
  return (
    <Popover trigger="click" placement="bottomLeft" title={title} content={content} destroyOnHidden arrow={false}>
      <ToolButton {...button} />
    </Popover>
  );
}

export function ViewToolbar({ fields, config, groupBy, lockedReason, users, onConfig, onGroupBy, board = false }: ViewToolbarProps) {
  const { t } = useTranslation();
  const queryable = queryableFields(fields);
  const sortable = queryable.filter((field) => profileOf(field)?.sort !== 'none');
  const groupable = sortable.filter((field) => profileOf(field)?.groupable !== false);
  const filters = conditionCount(config.filter);
  const hidden = config.hiddenFieldIds.filter((id) => fields.some((field) => field.id === id)).length;

  return (
    <div className="mt-view-tools">
      <Tool
        title={t('toolbar.hideFields')}
        active={hidden > 0}
        disabledReason={lockedReason}
        icon={<EyeInvisibleOutlined />}
        label={hidden > 0 ? t('toolbar.hiddenCount', { count: hidden }) : t('toolbar.hideFields')}
        testId="tool-hide-fields"
        content={<HiddenFields fields={fields} config={config} onChange={(patch) => onConfig(patch)} />}
      />
      <Tool
        title={t('toolbar.filter')}
        active={filters > 0}
        disabledReason={lockedReason}
        icon={<FilterOutlined />}
        label={filters > 0 ? t('toolbar.filterCount', { count: filters }) : t('toolbar.filter')}
        testId="tool-filter"
        content={<FilterBuilder filter={config.filter} fields={fields} users={users} onChange={(next: FilterGroup) => onConfig({ filter: pruned(next) })} />}
      />
      {!board && (
        <Tool
          title={t('toolbar.group')}
          active={groupBy.length > 0}
          icon={<GroupOutlined />}
          label={groupBy.length > 0 ? t('toolbar.groupCount', { count: groupBy.length }) : t('toolbar.group')}
          testId="tool-group"
          content={<LevelList levels={groupBy} fields={groupable} max={maxGroupLevels} addLabel={t('toolbar.addGroup')} emptyText={t('toolbar.noGroups')} testId="group" onChange={onGroupBy} />}
        />
      )}
      <Tool
        title={t('toolbar.sort')}
        active={config.sorts.length > 0}
        disabledReason={lockedReason}
        icon={<SortAscendingOutlined />}
        label={config.sorts.length > 0 ? t('toolbar.sortCount', { count: config.sorts.length }) : t('toolbar.sort')}
        testId="tool-sort"
        content={<LevelList levels={config.sorts} fields={sortable} max={maxSorts} addLabel={t('toolbar.addSort')} emptyText={t('toolbar.noSorts')} testId="sort" onChange={(sorts) => onConfig({ sorts })} />}
      />
      {board ? null : lockedReason !== undefined ? (
        <ToolButton active={false} disabledReason={lockedReason} icon={<ColumnHeightOutlined />} label={t('toolbar.rowHeight')} testId="tool-row-height" />
      ) : (
        <Dropdown
          trigger={['click']}
          menu={{
            selectable: true,
            selectedKeys: [config.rowHeight],
            items: rowHeights.map((height) => ({ key: height, label: t(`toolbar.rowHeights.${height}`) })),
            onClick: ({ key }) => onConfig({ rowHeight: key as ViewConfig['rowHeight'] }),
          }}
        >
          <ToolButton active={false} icon={<ColumnHeightOutlined />} label={t('toolbar.rowHeight')} testId="tool-row-height" />
        </Dropdown>
      )}
    </div>
  );
}
