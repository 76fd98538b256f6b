/** The centered card that setup and sign-in share, with the language switch above it. */
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../i18n/language-switch';
import { Logo } from './logo';

export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <div className="mt-auth-page">
      <div className="mt-auth-language">
        <LanguageSwitch />
      </div>
      <Card className="mt-auth-card">
        <div className="mt-auth-logo">
          <Logo size={40} />
        </div>
        <Typography.Title level={3} className="mt-auth-title">
          {title}
        </Typography.Title>
        {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
        {children}
      </Card>
    </div>
  );
}
