/** The language menu in the header: shows the current language, lists the others. */
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLanguage, useLanguage } from './i18n';
import { languageKeys, languages } from './languages';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current.key],
        items: languageKeys.map((key) => ({ key, label: languages[key].label })),
        onClick: ({ key }) => void switchLanguage(key as (typeof languageKeys)[number]),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('app.language')} data-testid="language-switch">
        {current.label}
      </Button>
    </Dropdown>
  );
}
