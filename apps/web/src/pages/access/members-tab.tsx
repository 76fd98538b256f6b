/**
 * Members of a base and their roles: change a member's role (built-in or custom), add a user,
 * remove a member. The server decides who may do what (only owners touch owners; the last owner
 * stays) and says so when it refuses.
 */
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMember, builtInRoles, changeMemberRole, listMembers, listRoles, removeMember, type Member } from '../../api/access';
import { listUsers } from '../../api/users';
import { UserAvatar } from '../../fields/user-avatar';
import { errorText } from '../form-errors';

export function MembersTab({ baseId }: { baseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const members = useQuery({ queryKey: ['members', baseId], queryFn: () => listMembers(baseId) });
  const roles = useQuery({ queryKey: ['roles', baseId], queryFn: () => listRoles(baseId) });
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const [adding, setAdding] = useState<{ userId?: string; role: string }>({ role: 'editor' });

  const roleOptions = [
    ...builtInRoles.map((role) => ({ value: role, label: t(`home.role_${role}`) })),
    ...(roles.data ?? []).map((role) => ({ value: role.id, label: role.name })),
  ];
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: ['members', baseId] });
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };
  const outsiders = (users.data ?? []).filter((user) => !members.data?.some((member) => member.userId === user.id));

  return (
    <div className="mt-members">
      <Space.Compact className="mt-member-add">
        <Select
          className="mt-member-add-user"
          placeholder={t('access.pickUser')}
          value={adding.userId}
          showSearch={{ optionFilterProp: 'label' }}
          options={outsiders.map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }))}
          onChange={(userId: string) => setAdding({ ...adding, userId })}
          data-testid="member-add-user"
        />
        <Select className="mt-member-role" value={adding.role} options={roleOptions} onChange={(role: string) => setAdding({ ...adding, role })} data-testid="member-add-role" />
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          disabled={!adding.userId}
          onClick={() => void run(async () => {
            await addMember(baseId, adding.userId!, adding.role);
            setAdding({ role: adding.role });
          })}
          data-testid="member-add"
        >
          {t('access.addMember')}
        </Button>
      </Space.Compact>
      <Table<Member>
        rowKey="userId"
        size="middle"
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('access.member'),
            render: (_, member) => (
              <span className="mt-member-name">
                <UserAvatar user={{ id: member.userId, name: member.name, email: member.email }} size={24} />
                <span>{member.name}</span>
                <span className="mt-person-email">{member.email}</span>
              </span>
            ),
          },
          {
            title: t('access.role'),
            width: 220,
            render: (_, member) => (
              <Select className="mt-member-role" value={member.role} options={roleOptions} onChange={(role: string) => void run(() => changeMemberRole(baseId, member.userId, role))} data-testid="member-role" />
            ),
          },
          {
            width: 56,
            render: (_, member) => (
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('access.removeMember')} title={t('access.removeMember')} onClick={() => void run(() => removeMember(baseId, member.userId))} />
            ),
          },
        ]}
        onRow={(member) => ({ 'data-testid': 'member-row', 'data-user': member.userId }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
