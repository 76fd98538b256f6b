/** The bar on top of every signed-in page: app name (home link), what page this is, language, user menu. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession, useUser } from '../auth/session';
import { LanguageSwitch } from '../i18n/language-switch';
import { Logo } from './logo';

export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  return (
    <header className="mt-header">
      <Link to="/" className="mt-header-brand">
        <Logo />
        <span>{t('app.name')}</span>
      </Link>
      <div className="mt-header-middle">{children}</div>
      <Space size={4}>
        <LanguageSwitch />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'who', label: user.email, disabled: true },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined />, label: t('app.signOut') },
            ],
            onClick: async ({ key }) => {
              if (key !== 'logout') return;
              await signOut();
              navigate('/login');
            },
          }}
        >
          <Button type="text" data-testid="user-menu">
            <Avatar size="small" icon={<UserOutlined />} />
            <span className="mt-header-user">{user.name}</span>
          </Button>
        </Dropdown>
      </Space>
    </header>
  );
}
