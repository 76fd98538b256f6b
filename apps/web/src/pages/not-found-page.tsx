/** Any address the app does not know. */
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title="404" extra={<Link to="/"><Button type="primary">{t('base.back')}</Button></Link>} />;
}
