import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedToken, Token, TokenList } from '../../../../src/platform/auth/contract.js';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { vowelContext } from '../../../../src/shared/grammar.js';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { errorMessage, missingFields, requiredFieldsError } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import {
  Dialog,
  Empty,
  ErrorState,
  FormErrors,
  LoadingState,
  PageHeader,
  StatusBadge,
} from '../../app/ui.js';

const TOKENS_KEY = ['auth', 'tokens'] as const;

/** A calendar day in the reader's language; the day itself, never shifted by a time zone. */
function formatDay(day: string, language: string): string {
  const locale = ({ fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' } as Record<string, string>)[language] ?? 'fr-BE';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** API tokens for integrations (partner funds' systems): create for a user, see the secret once, revoke. */
export function TokensPage() {
  const { t, i18n } = useTranslation();
  // A token expires when its day begins in Brussels, as the server decides.
  const today = brusselsToday();
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => api<TokenList>('/auth/tokens', { signal }),
    select: (data) => data.items,
  });
  const [secret, setSecret] = useState<{ token: string; name: string; username: string } | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const revoke = async () => {
    if (!revoking) return;
    try {
      await api(`/auth/tokens/${revoking.id}`, { method: 'DELETE' });
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      setRevoking(null);
    } catch (caught) {
      setRevokeError(caught);
    }
  };

  return (
    <>
      <PageHeader title={t('web.areas.tokens.title')} description={t('web.tokens.intro')} />
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="token-form-title">
          <Title order={2} fz="h4" mb="md" id="token-form-title">
            {t('web.tokens.new')}
          </Title>
          <TokenForm
            onCreated={async (created) => {
              setSecret(created);
              await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
            }}
          />
        </Paper>
        <Paper withBorder component="section" aria-labelledby="tokens-title">
          <Title order={2} fz="h4" p="lg" pb={0} id="tokens-title">
            {t('web.tokens.list_title')}
          </Title>
          {tokens.isPending ? (
            <LoadingState />
          ) : tokens.isError ? (
            <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : tokens.data.length === 0 ? (
            <Empty title={t('web.tokens.empty')} description={t('web.tokens.empty_help')} />
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" striped aria-labelledby="tokens-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('web.tokens.name')}</Table.Th>
                    <Table.Th scope="col">{t('web.tokens.owner')}</Table.Th>
                    <Table.Th scope="col">{t('web.tokens.prefix')}</Table.Th>
                    <Table.Th scope="col">{t('web.tokens.created_at')}</Table.Th>
                    <Table.Th scope="col">{t('web.tokens.last_used_at')}</Table.Th>
                    <Table.Th scope="col">{t('web.token_lifetime.expires_on')}</Table.Th>
                    <Table.Th scope="col">{t('web.people.fields.status')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">{t('web.common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.map((token) => (
                    <Table.Tr key={token.id}>
                      <Table.Td fw={500}>{token.name}</Table.Td>
                      <Table.Td ff="monospace">{token.username ?? '?'}</Table.Td>
                      <Table.Td>
                        <Code>{token.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>{formatInstant(token.createdAt)}</Table.Td>
                      <Table.Td>
                        {token.lastUsedAt ? formatInstant(token.lastUsedAt) : t('web.tokens.never')}
                      </Table.Td>
                      <Table.Td>
                        {token.expiresOn
                          ? formatDay(token.expiresOn, i18n.language)
                          : t('web.token_lifetime.no_end')}
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge
                          isActive={!token.revokedAt && !(token.expiresOn && token.expiresOn <= today)}
                          inactiveLabel={
                            token.revokedAt ? t('web.tokens.revoked') : t('web.token_lifetime.expired')
                          }
                          title={token.revokedAt ? formatInstant(token.revokedAt) : undefined}
                        />
                      </Table.Td>
                      <Table.Td ta="right">
                        {!token.revokedAt && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            c="red.9"
                            onClick={() => {
                              setRevokeError(null);
                              setRevoking(token);
                            }}
                            aria-label={`${t('web.tokens.revoke')}: ${token.name}`}
                          >
                            {t('web.tokens.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>

      <Dialog
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title={t('web.tokens.secret_title')}
        size="lg"
      >
        {secret && (
          <Stack gap="md">
            <Alert color="yellow">
              {t('web.tokens.secret_help', { name: secret.name, username: secret.username })}
            </Alert>
            <Code
              block
              aria-label={t('web.tokens.secret_label')}
              data-testid="token-secret"
              style={{ wordBreak: 'break-all' }}
            >
              {secret.token}
            </Code>
            <Group justify="flex-end">
              <CopyButton value={secret.token}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'light' : 'filled'}
                    color={copied ? 'teal.8' : undefined}
                    onClick={copy}
                  >
                    {copied ? t('web.common.copied') : t('web.common.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button variant="default" onClick={() => setSecret(null)}>
                {t('web.tokens.secret_done')}
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>

      <Dialog
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('web.tokens.revoke_title')}
      >
        {revoking && (
          <Stack gap="md">
            <Text size="sm">
              {t('web.tokens.revoke_confirm', {
                name: revoking.name,
                username: revoking.username ?? '?',
                context: vowelContext(revoking.username ?? ''),
              })}
            </Text>
            {revokeError !== null && <FormErrors title={errorMessage(revokeError)} messages={[]} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>
                {t('web.common.cancel')}
              </Button>
              <Button color="red.8" onClick={() => void revoke()}>
                {t('web.tokens.revoke')}
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
    </>
  );
}

function TokenForm(props: {
  onCreated: (created: { token: string; name: string; username: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const submission = useSubmission({ fields: ['username', 'name', 'expiresOn'] });
  const { error, byField, others } = submission;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields({ username, name }, ['username', 'name']);
    if (missing.length > 0) {
      submission.fail(requiredFieldsError(missing));
      return;
    }
    void submission.run(async () => {
      const created = await api<CreatedToken>('/auth/tokens', {
        method: 'POST',
        body: {
          username: username.trim().toLowerCase(),
          name: name.trim(),
          ...(expiresOn && { expiresOn }),
        },
      });
      await props.onCreated({
        token: created.token,
        name: created.summary.name,
        username: created.summary.username ?? username,
      });
      setName('');
      setUsername('');
      setExpiresOn('');
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" maw={900} style={{ alignItems: 'end' }}>
          <TextInput
            label={t('web.tokens.owner')}
            description={t('web.tokens.owner_help')}
            required
            spellCheck={false}
            autoComplete="off"
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={byField.username}
            name="username"
          />
          <TextInput
            label={t('web.tokens.name')}
            description={t('web.tokens.name_help')}
            required
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={byField.name}
            name="name"
          />
          <TextInput
            label={t('web.token_lifetime.expires_on')}
            description={t('web.token_lifetime.expires_help')}
            type="date"
            // The server refuses today: the first day a token may expire on is tomorrow.
            min={new Date(Date.parse(`${brusselsToday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            error={byField.expiresOn}
            name="expiresOn"
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={submission.isPending}>
            {t('web.tokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
