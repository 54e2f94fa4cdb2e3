import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { LoginProviders } from '../../../src/platform/auth/contract.js';
import { api } from './api.js';
import { i18n } from './i18n.js';
import { LanguageSwitcher } from './language-switcher.js';
import { errorMessage, translateCode } from './problems.js';
import { safeReturnTo } from './return-to.js';
import { useMe, useSessionActions } from './session.js';
import { useSubmission } from './submission.js';
import { usePageTitle } from './ui.js';

/** The login methods; an older server without the route (404) simply means password only. */
async function loadProviders(): Promise<Partial<LoginProviders>> {
  try {
    return await api<LoginProviders>('/auth/providers');
  } catch {
    return { password: true };
  }
}

/** Codes the single sign-on round trip sends back as `?error=`, told in the current language. */
function ssoErrorMessage(code: string): string {
  if (!/^[a-z_]+\.[a-z_]+$/.test(code) || !i18n.exists(code)) return i18n.t('web.login.sso_failed');
  return translateCode(code, {}, i18n.t('web.login.sso_failed'));
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('web.login.title'));
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const { login } = useSessionActions();
  const providers = useQuery({ queryKey: ['auth-providers'], queryFn: loadProviders, staleTime: 60_000 });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // A refused password is typed again from scratch.
  const submission = useSubmission({ onError: () => setPassword('') });
  const problem = submission.error === null ? null : errorMessage(submission.error);
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const ssoError = searchParams.get('error');
  const notice = (location.state as { notice?: string } | null)?.notice;
  const oidc = providers.data?.oidc;

  if (me.data) return <Navigate to={returnTo} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const isMissing = { username: !username.trim(), password: !password };
    setMissing(isMissing);
    if (isMissing.username || isMissing.password) return;
    void submission.run(async () => {
      await login(username.trim(), password);
      navigate(returnTo, { replace: true });
    });
  };

  return (
    <Box className="login-backdrop">
      <Box component="header" className="login-header">
        <Group justify="space-between" px="lg" py="sm">
          <Group gap="xs">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Text fw={700} fz="lg" c="relais.8">
              Relais
            </Text>
          </Group>
          <LanguageSwitcher />
        </Group>
      </Box>
      <Center component="main" id="main" px="md" py={48}>
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap="md">
            <div>
              <Title order={1} fz="h2">
                {t('web.login.title')}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t('web.login.intro')}
              </Text>
            </div>
            {notice && !problem && (
              <Alert color="teal" role="status">
                {notice}
              </Alert>
            )}
            {ssoError && !problem && (
              <Alert color="red" role="alert">
                {ssoErrorMessage(ssoError)}
              </Alert>
            )}
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                <TextInput
                  label={t('web.login.username')}
                  name="username"
                  // The one thing to do on this page: the cursor waits where the typing starts.
                  autoFocus
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={username}
                  error={missing.username && t('validation.required')}
                  onChange={(event) => setUsername(event.currentTarget.value)}
                />
                <PasswordInput
                  label={t('web.login.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  error={missing.password && t('validation.required')}
                  aria-invalid={Boolean(missing.password)}
                  visibilityToggleButtonProps={{ 'aria-label': t('web.common.show_password') }}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                />
                <Button type="submit" loading={submission.isPending} fullWidth mt="xs">
                  {t('web.login.submit')}
                </Button>
              </Stack>
            </form>
            {oidc?.enabled && (
              <>
                <Divider label={t('web.login.or')} labelPosition="center" />
                <Button
                  component="a"
                  variant="default"
                  href={`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
                  fullWidth
                >
                  {t('web.login.with_provider', { label: oidc.label || 'SSO' })}
                </Button>
              </>
            )}
            {/* A full page load: the public FAQ is served by the server, outside this app. */}
            <Text size="sm" ta="center">
              <Anchor href="/faq">{t('publicFaq.login_link')}</Anchor>
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
