import { Anchor, Button, Group, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EquipmentReturn, ReturnCreate } from '../../../../src/modules/equipment/contract.js';
import { api } from '../../app/api.js';
import { useSubmission } from '../../app/submission.js';
import { FormErrors } from '../../app/ui.js';

const K = 'web.equipment.returns';
const FIELDS = ['person', 'assets', 'site', 'reason'] as const;

/** ICT registers units a person gives back (leaving, a swap): back to a stock room, with a receipt. */
export function ReturnFormSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [person, setPerson] = useState('');
  const [tags, setTags] = useState('');
  const [site, setSite] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<EquipmentReturn | null>(null);
  const submission = useSubmission({
    fields: FIELDS,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ReturnCreate = {
      person: person.trim(),
      assets: tags
        .split(/[\s,;]+/)
        .map((tag) => tag.trim())
        .filter(Boolean),
      site: site.trim(),
      ...(reason.trim() && { reason: reason.trim() }),
    };
    void submission.run(async () => {
      setDone(null);
      const created = await api<EquipmentReturn>('/equipment/returns', { method: 'POST', body });
      setDone(created);
      setTags('');
      setReason('');
    });
  };
  const error = (field: (typeof FIELDS)[number]) => submission.byField[field];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="equipment-returns">
      <Title order={2} fz="h4" id="equipment-returns" mb="xs">
        {t(`${K}.title`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.help`)}
      </Text>
      <form onSubmit={submit} noValidate aria-labelledby="equipment-returns">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput
            label={t(`${K}.person`)}
            value={person}
            onChange={(e) => setPerson(e.currentTarget.value)}
            error={error('person')}
            required
          />
          <TextInput
            label={t(`${K}.tags`)}
            description={t(`${K}.tags_help`)}
            value={tags}
            onChange={(e) => setTags(e.currentTarget.value)}
            error={error('assets')}
            required
          />
          <TextInput
            label={t(`${K}.site`)}
            value={site}
            onChange={(e) => setSite(e.currentTarget.value)}
            error={error('site')}
            required
          />
          <TextInput
            label={t(`${K}.reason`)}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error('reason')}
          />
        </SimpleGrid>
        <FormErrors
          title={submission.others.length > 0 ? t(`${K}.not_saved`) : null}
          messages={submission.others}
        />
        <Group mt="sm">
          <Button type="submit" loading={submission.isPending}>
            {t(`${K}.submit`)}
          </Button>
        </Group>
      </form>
      <div role="status" aria-live="polite">
        {done && (
          <Text size="sm" mt="xs">
            {t(`${K}.saved`, { id: done.id, name: done.personName, count: done.items.length })}{' '}
            <Anchor
              href={`/api/v1/equipment/returns/${encodeURIComponent(done.id)}/receipt`}
              target="_blank"
              underline="always"
            >
              {t(`${K}.receipt`)}
            </Anchor>
          </Text>
        )}
      </div>
    </Paper>
  );
}
