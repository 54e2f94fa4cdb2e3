import { Badge, Code, Group, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PermissionTable } from '../../../../src/platform/auth/contract.js';
import { api } from '../../app/api.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';

/** i18n keys cannot hold the dots of an ability name (they mean nesting). */
export const abilityKey = (ability: string) => `web.abilities.${ability.replaceAll('.', '_')}`;

/** Read-only: each role, what it is for, and what it allows (the server's one permissions table). */
export function RolesPage() {
  const { t } = useTranslation();
  const table = useQuery({
    queryKey: ['auth', 'permissions'],
    queryFn: ({ signal }) => api<PermissionTable>('/auth/permissions', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <>
      <PageHeader title={t('web.areas.roles.title')} description={t('web.roles.intro')} />
      {table.isPending ? (
        <LoadingState />
      ) : table.isError ? (
        <ErrorState error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="md" striped captionSide="bottom">
              <Table.Caption>{t('web.roles.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={260}>
                    {t('web.roles.role')}
                  </Table.Th>
                  <Table.Th scope="col">{t('web.roles.abilities')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.data.roles.map((role) => {
                  const abilities = table.data.abilities.filter((a) => a.roles.includes(role));
                  return (
                    <Table.Tr key={role}>
                      <Table.Th scope="row" fw={400} style={{ verticalAlign: 'top' }}>
                        <Text fw={600}>{t(`web.roles.names.${role}`)}</Text>
                        <Text size="sm" c="dimmed">
                          {t(`web.roles.descriptions.${role}`)}
                        </Text>
                        <Code mt={4}>{role}</Code>
                      </Table.Th>
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        {abilities.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            {t('web.roles.no_abilities')}
                          </Text>
                        ) : (
                          <Group gap={6}>
                            {abilities.map(({ ability }) => (
                              <Badge key={ability} variant="light" size="md" tt="none" title={ability}>
                                {t(abilityKey(ability), { defaultValue: ability })}
                              </Badge>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
