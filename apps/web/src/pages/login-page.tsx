/** Sign-in with email and password; back to where the user was headed. */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { logIn } from '../api/session';
import { useSession } from '../auth/session';
import { AuthCard } from '../layout/auth-card';
import { PageSpinner } from '../layout/page-spinner';
import { errorText } from './form-errors';

interface LoginForm {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user, needsSetup, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (user === undefined || needsSetup === undefined) return <PageSpinner />;
  if (needsSetup) return <Navigate to="/setup" replace />;
  if (user) return <Navigate to={from} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      signedIn(await logIn(values));
      navigate(from, { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? t('login.failed') : errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('login.title')}>
      <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
        <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email' }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} className="mt-form-error" data-testid="login-error" />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
