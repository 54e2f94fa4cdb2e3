import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  RecoveryList,
  RecoveryResult,
} from '../../../../src/modules/equipment/contract/recovery-contract.js';
import { api } from '../../app/api.js';
import { useSubmission } from '../../app/submission.js';
import { Empty, ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';

const K = 'web.equipment.recovery';

/** The desks closed for distancing with the units on them; ICT ticks what it collected and names the stock room. */
export function RecoveryPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [site, setSite] = useState('');
  const list = useQuery({
    queryKey: ['equipment', 'recovery'],
    queryFn: ({ signal }) => api<RecoveryList>('/equipment/recovery', { signal }),
  });
  const sending = useSubmission({
    fields: ['site', 'tags'],
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const toggle = (tag: string, isOn: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      if (isOn) next.add(tag);
      else next.delete(tag);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sending.run(async () => {
      const answer = await api<RecoveryResult>('/equipment/recovery/collect', {
        method: 'POST',
        body: { tags: [...chosen], site: site.trim() },
      });
      setChosen(new Set());
      return t(`${K}.collected`, { count: answer.recovered.length, site: site.trim() });
    });
  };
  const withAssets = list.data?.desks.filter((d) => d.assets.length > 0) ?? [];
  return (
    <>
      <PageHeader title={t('web.areas.eqRecovery.title')} description={t(`${K}.intro`)} />
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">
              {t(`${K}.blocked_count`, { count: list.data.desks.length, withAssets: withAssets.length })}
            </Text>
            {withAssets.length === 0 ? (
              <Empty title={t(`${K}.nothing`)} />
            ) : (
              <Paper withBorder>
                <Table.ScrollContainer minWidth={640}>
                  <Table striped className="data-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">
                          <span className="sr-only">{t(`${K}.collected_column`)}</span>
                        </Table.Th>
                        <Table.Th scope="col">{t(`${K}.desk`)}</Table.Th>
                        <Table.Th scope="col">{t(`${K}.reason`)}</Table.Th>
                        <Table.Th scope="col">{t(`${K}.asset`)}</Table.Th>
                        <Table.Th scope="col">{t(`${K}.model`)}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {withAssets.flatMap((desk) =>
                        desk.assets.map((asset) => (
                          <Table.Tr key={asset.tag}>
                            <Table.Td>
                              <Checkbox
                                aria-label={t(`${K}.collect_this`, { tag: asset.tag, desk: desk.desk })}
                                checked={chosen.has(asset.tag)}
                                onChange={(e) => toggle(asset.tag, e.currentTarget.checked)}
                              />
                            </Table.Td>
                            <Table.Td>{desk.desk}</Table.Td>
                            <Table.Td>{desk.reason ?? '—'}</Table.Td>
                            <Table.Td>
                              {asset.tag} · {t(`equipment.type.${asset.type}`)}
                            </Table.Td>
                            <Table.Td>{asset.model}</Table.Td>
                          </Table.Tr>
                        )),
                      )}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
            <Paper withBorder p="md">
              <Title order={2} fz="h4" mb="sm">
                {t(`${K}.return_title`)}
              </Title>
              <Group align="flex-end" gap="md" wrap="wrap">
                <TextInput
                  label={t(`${K}.site`)}
                  description={t(`${K}.site_help`)}
                  value={site}
                  onChange={(e) => setSite(e.currentTarget.value)}
                  error={sending.byField.site}
                  required
                  w={260}
                />
                <Button
                  type="submit"
                  loading={sending.isPending}
                  disabled={chosen.size === 0 || !site.trim()}
                >
                  {t(`${K}.collect_button`, { count: chosen.size })}
                </Button>
              </Group>
            </Paper>
            <FormErrors title={null} messages={sending.others} />
            {sending.notice && (
              <Alert color="teal" role="status">
                {sending.notice}
              </Alert>
            )}
          </Stack>
        </form>
      )}
    </>
  );
}
