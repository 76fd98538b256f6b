/**
 * Custom roles of a base (Bitable's advanced permissions): the roles on the left (new, delete),
 * the chosen role's rule for each table on the right, saved together with "Save".
 */
import { DeleteOutlined, PlusOutlined, SafetyOutlined } from '@ant-design/icons';
import type { RoleRules, TableRule } from '@multitable/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Collapse, Empty, Input, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createRole, deleteRole, listRoles, updateRole, type CustomRole } from '../../api/access';
import type { ApiTable } from '../../api/tables';
import { NameDialog } from '../../layout/name-dialog';
import { errorText } from '../form-errors';
import { noAccess, TableRuleEditor } from './table-rule-editor';

function RoleEditor({ baseId, role, tables, onSaved }: { baseId: string; role: CustomRole; tables: readonly ApiTable[]; onSaved(): Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState(role.name);
  const [rules, setRules] = useState<RoleRules>(role.rules);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setName(role.name);
    setRules(role.rules);
  }, [role]);
  const ruleOf = (tableId: string): TableRule => rules.tables[tableId] ?? noAccess;
  const setRule = (tableId: string, rule: TableRule) => setRules({ ...rules, tables: { ...rules.tables, [tableId]: rule } });
  const save = async () => {
    setSaving(true);
    try {
      await updateRole(baseId, role.id, { name: name.trim(), rules });
      await onSaved();
      void message.success(t('access.saved'));
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="mt-role-editor" data-testid="role-editor">
      <div className="mt-role-editor-head">
        <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={100} className="mt-role-name" aria-label={t('common.name')} />
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="save-role">
          {t('common.save')}
        </Button>
      </div>
      <Collapse
        defaultActiveKey={tables.map((table) => table.id)}
        items={tables.map((table) => ({
          key: table.id,
          label: (
            <span className="mt-rule-table" data-testid="rule-table">
              {table.name}
              <Tag className="mt-rule-tag">{t(`access.tableLevels.${ruleOf(table.id).access}`)}</Tag>
            </span>
          ),
          children: <TableRuleEditor table={table} rule={ruleOf(table.id)} onChange={(rule) => setRule(table.id, rule)} />,
        }))}
      />
    </div>
  );
}

export function RolesTab({ baseId, tables }: { baseId: string; tables: readonly ApiTable[] }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useQuery({ queryKey: ['roles', baseId], queryFn: () => listRoles(baseId) });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const reread = () => queryClient.invalidateQueries({ queryKey: ['roles', baseId] });
  const selected = roles.data?.find((role) => role.id === selectedId) ?? roles.data?.[0];

  if (!roles.data) return <Spin />;
  return (
    <div className="mt-roles">
      <div className="mt-role-list">
        {roles.data.map((role) => (
          <div
            key={role.id}
            role="button"
            tabIndex={0}
            className={`mt-role-item${role.id === selected?.id ? ' mt-role-item-active' : ''}`}
            onClick={() => setSelectedId(role.id)}
            onKeyDown={(event) => event.key === 'Enter' && setSelectedId(role.id)}
            data-testid="role-item"
          >
            <SafetyOutlined />
            <span className="mt-role-item-name">{role.name}</span>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={(event) => {
                event.stopPropagation();
                modal.confirm({
                  title: t('access.deleteRoleConfirm', { name: role.name }),
                  okText: t('common.delete'),
                  okButtonProps: { danger: true },
                  cancelText: t('common.cancel'),
                  onOk: async () => {
                    try {
                      await deleteRole(baseId, role.id);
                      await reread();
                    } catch (error) {
                      void message.error(errorText(error, t));
                    }
                  },
                });
              }}
            />
          </div>
        ))}
        <Button type="dashed" block icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-role">
          {t('access.addRole')}
        </Button>
      </div>
      <div className="mt-role-main">
        {selected ? <RoleEditor baseId={baseId} role={selected} tables={tables} onSaved={reread} /> : <Empty description={t('access.noRoles')} />}
      </div>
      <NameDialog
        open={creating}
        title={t('access.addRole')}
        okText={t('common.create')}
        initialName=""
        onClose={() => setCreating(false)}
        onSubmit={async (name) => {
          const created = await createRole(baseId, { name, rules: { tables: {}, dashboards: 'all' } });
          await reread();
          setSelectedId(created.id);
        }}
      />
    </div>
  );
}
