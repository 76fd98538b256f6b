/** First run: create the instance owner, who is then signed in. */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { setUpOwner } from '../api/session';
import { useSession } from '../auth/session';
import { AuthCard } from '../layout/auth-card';
import { PageSpinner } from '../layout/page-spinner';
import { errorText } from './form-errors';

/** The server's rule (apps/server/src/auth/passwords.ts), shown as a hint; the server enforces it. */
const minPasswordLength = 8;

interface SetupForm {
  email: string;
  name: string;
  password: string;
}

export function SetupPage() {
  const { t } = useTranslation();
  const { needsSetup, signedIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (needsSetup === undefined) return <PageSpinner />;
  if (!needsSetup) return <Navigate to="/" replace />;

  const submit = async (values: SetupForm) => {
    setBusy(true);
    setError(null);
    try {
      signedIn(await setUpOwner(values));
      navigate('/', { replace: true });
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')}>
      <Form<SetupForm> layout="vertical" onFinish={submit} requiredMark={false} data-testid="setup-form">
        <Form.Item name="name" label={t('setup.name')} rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="name" autoFocus />
        </Form.Item>
        <Form.Item name="email" label={t('setup.email')} rules={[{ required: true, type: 'email' }]}>
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('setup.password')}
          extra={t('setup.passwordHint', { min: minPasswordLength })}
          rules={[{ required: true, min: minPasswordLength }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} className="mt-form-error" />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
