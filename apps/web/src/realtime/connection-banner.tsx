/**
 * Says when live updates stop: the connection is lost (edits are kept and sent once it is back),
 * the session ended, or the user was removed from the base.
 */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useConnectionStatus } from './realtime-context';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useConnectionStatus();
  if (status === 'lost') return <Alert banner type="warning" showIcon title={t('realtime.lost')} data-testid="connection-banner" />;
  if (status === 'signedOut') {
    return (
      <Alert
        banner
        type="error"
        showIcon
        title={t('realtime.signedOut')}
        action={
          <Button size="small" onClick={() => navigate('/login')}>
            {t('login.submit')}
          </Button>
        }
        data-testid="connection-banner"
      />
    );
  }
  if (status === 'forbidden') return <Alert banner type="error" showIcon title={t('realtime.forbidden')} data-testid="connection-banner" />;
  return null;
}
