/**
 * The app's providers and routes. Routes live in the URL's hash (`#/bases/…`): the server serves
 * the app at `/` only, so a reload of any screen still reaches index.html.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { RequireUser, SessionProvider } from './auth/session';
import { useLanguage } from './i18n/i18n';
import { PageSpinner } from './layout/page-spinner';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { SetupPage } from './pages/setup-page';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

// The grid (AG Grid and the cell editors) loads when a base is first opened, not on sign-in.
const BasePage = lazy(async () => ({ default: (await import('./pages/base-page')).BasePage }));
const AccessPage = lazy(async () => ({ default: (await import('./pages/access/access-page')).AccessPage }));

function SignedInPage({ children }: { children: ReactNode }) {
  return (
    <RequireUser>
      <Suspense fallback={<PageSpinner />}>{children}</Suspense>
    </RequireUser>
  );
}

const router = createHashRouter([
  { path: '/setup', element: <SetupPage /> },
  { path: '/login', element: <LoginPage /> },
  { path: '/', element: <SignedInPage><HomePage /></SignedInPage> },
  { path: '/bases/:baseId', element: <SignedInPage><BasePage /></SignedInPage> },
  { path: '/bases/:baseId/tables/:tableId', element: <SignedInPage><BasePage /></SignedInPage> },
  { path: '/bases/:baseId/tables/:tableId/views/:viewId', element: <SignedInPage><BasePage /></SignedInPage> },
  { path: '/bases/:baseId/access', element: <SignedInPage><AccessPage /></SignedInPage> },
  { path: '*', element: <NotFoundPage /> },
]);

// People who asked their system for less motion get no animations (and so do the browser tests).
const reducedMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

const theme = {
  token: {
    motion: !reducedMotion,
    colorPrimary: '#1677ff',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
};

export function App() {
  const language = useLanguage();
  return (
    <ConfigProvider locale={language.antd} theme={theme}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
