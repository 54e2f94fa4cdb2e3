import { Anchor, Autocomplete, Button, Code, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AuditEntry, AuditList } from '../../../../src/platform/audit/contract.js';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { TableDownload } from '../../app/table-download.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import { dayRangeToInstants, referenceLink, type SummaryWords, summaryItems } from './audit-format.js';

const LOCALES: Record<string, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

const PAGE_SIZE = 50;
const FILTERS = ['actor', 'action', 'objectType', 'objectId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
// Suggestions only: other modules audit their own object types, and any can be typed.
const OBJECT_TYPES = ['person', 'partner', 'org_unit', 'token', 'knowledge_entry'];

const actionKey = (action: string) => `web.audit.actions.${action.replaceAll('.', '_')}`;

/** Who did what, when: every change and every read of personal data, newest first. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(applied);
  const page = Math.max(1, Number(params.get('page')) || 1);

  const filters = {
    actor: applied.actor || undefined,
    action: applied.action || undefined,
    objectType: applied.objectType || undefined,
    objectId: applied.objectId || undefined,
    ...dayRangeToInstants(applied.from || null, applied.to || null),
  };
  const query = { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const entries = useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<AuditList>('/audit', { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  const apply = (filters: Filters, nextPage = 1) => {
    const next = new URLSearchParams();
    for (const name of FILTERS) if (filters[name].trim()) next.set(name, filters[name].trim());
    if (nextPage > 1) next.set('page', String(nextPage));
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const reset = () => {
    const empty = Object.fromEntries(FILTERS.map((name) => [name, ''])) as Filters;
    setDraft(empty);
    apply(empty);
  };
  const showObject = (entry: AuditEntry) => {
    const filters = { ...applied, objectType: entry.objectType, objectId: entry.objectId ?? '' };
    setDraft(filters);
    apply(filters);
  };
  const field = (name: keyof Filters) => ({
    value: draft[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setDraft((d) => ({ ...d, [name]: value }));
    },
    name,
  });
  const pageCount = Math.max(1, Math.ceil((entries.data?.total ?? 0) / PAGE_SIZE));
  const dayFormat = new Intl.DateTimeFormat(LOCALES[i18n.language] ?? 'fr-BE', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  const wordsFor = (entry: AuditEntry): SummaryWords => ({
    label: (key) => {
      const labelKey = `web.audit.summary_keys.${key}`;
      return i18n.exists(labelKey) ? t(labelKey) : undefined;
    },
    // A calendar day is a Brussels day: read at noon UTC so no time zone moves it.
    date: (day) => dayFormat.format(new Date(`${day}T12:00:00Z`)),
    instant: (iso) => formatInstant(iso),
    // A reason is a message code: its message says it; other coded values have words of their own.
    value: (key, value) => {
      if (key === 'reason' && i18n.exists(value)) return t(value);
      const valueKey = `web.audit.coded_values.${key}.${value}`;
      return i18n.exists(valueKey) ? t(valueKey) : undefined;
    },
    yes: t('web.audit.values.yes'),
    no: t('web.audit.values.no'),
    ...(entry.people && { people: entry.people }),
  });

  return (
    <>
      <PageHeader
        title={t('web.areas.audit.title')}
        description={t('web.audit.intro')}
        actions={<TableDownload path="/audit" query={filters} />}
      />
      <Paper withBorder p="md" mb="md" component="search" aria-label={t('web.audit.filters')}>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              label={t('web.audit.actor')}
              description={t('web.audit.actor_help')}
              w={180}
              spellCheck={false}
              {...field('actor')}
            />
            <TextInput
              label={t('web.audit.action')}
              description={t('web.audit.action_help')}
              w={220}
              spellCheck={false}
              {...field('action')}
            />
            <Autocomplete
              label={t('web.audit.object_type')}
              description={t('web.audit.object_type_help')}
              data={OBJECT_TYPES}
              value={draft.objectType}
              onChange={(value) => setDraft((d) => ({ ...d, objectType: value }))}
              spellCheck={false}
              w={180}
            />
            <TextInput
              label={t('web.audit.object_id')}
              description={t('web.audit.object_id_help')}
              w={300}
              spellCheck={false}
              {...field('objectId')}
            />
            <TextInput
              label={t('web.audit.from')}
              description={t('web.audit.day_help')}
              type="date"
              w={170}
              {...field('from')}
            />
            <TextInput
              label={t('web.audit.to')}
              description={t('web.audit.day_help')}
              type="date"
              w={170}
              {...field('to')}
            />
            <Group gap="xs">
              <Button type="submit">{t('web.audit.apply')}</Button>
              <Button variant="default" onClick={reset}>
                {t('web.audit.reset')}
              </Button>
            </Group>
          </Group>
        </form>
      </Paper>

      {entries.isPending ? (
        <LoadingState />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <Empty title={t('web.audit.empty')} description={t('web.audit.empty_help')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" striped captionSide="bottom" className="audit-table">
              <Table.Caption>{t('web.audit.caption', { count: entries.data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={170}>
                    {t('web.audit.at')}
                  </Table.Th>
                  <Table.Th scope="col">{t('web.audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('web.audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('web.audit.object')}</Table.Th>
                  <Table.Th scope="col">{t('web.audit.summary')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody aria-busy={entries.isFetching}>
                {entries.data.items.map((entry) => {
                  const items = summaryItems(entry.summary, wordsFor(entry));
                  const actorName = entry.actorId ? entry.people?.[entry.actorId] : undefined;
                  return (
                    <Table.Tr key={entry.id} data-action={entry.action}>
                      <Table.Td>
                        <Text size="sm">{formatInstant(entry.at)}</Text>
                        {entry.ip && (
                          <Text size="xs" c="dimmed">
                            {entry.ip}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {actorName ? (
                          <>
                            <Text size="sm">{actorName}</Text>
                            <Text size="xs" c="dimmed" ff="monospace">
                              {entry.actorUsername}
                            </Text>
                          </>
                        ) : (
                          <Text size="sm" ff="monospace">
                            {entry.actorUsername ?? '—'}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {i18n.exists(actionKey(entry.action)) ? (
                          // The code stays at hand (the action filter takes it) without being read out.
                          <Text size="sm" fw={500} title={entry.action}>
                            {t(actionKey(entry.action))}
                          </Text>
                        ) : (
                          <Code fz="xs">{entry.action}</Code>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {t(`web.audit.object_types.${entry.objectType}`, {
                            defaultValue: entry.objectType,
                          })}
                        </Text>
                        {entry.objectId && (
                          <Group gap={6} wrap="nowrap">
                            {entry.objectType === 'person' ? (
                              <Anchor
                                component={Link}
                                to={`/directory/people/${entry.objectId}`}
                                size="xs"
                                ff="monospace"
                                title={entry.objectId}
                              >
                                {entry.people?.[entry.objectId] ?? entry.objectId.slice(0, 8)}
                              </Anchor>
                            ) : (
                              <Text size="xs" ff="monospace" c="dimmed" title={entry.objectId}>
                                {entry.objectId.slice(0, 8)}
                              </Text>
                            )}
                            <Button
                              variant="subtle"
                              size="compact-xs"
                              onClick={() => showObject(entry)}
                              aria-label={t('web.audit.history_of', { id: entry.objectId })}
                            >
                              {t('web.audit.history')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {items.length === 0 ? (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        ) : (
                          <dl className="audit-summary">
                            {items.map((item) => (
                              <div key={item.key}>
                                <dt>{item.label}:</dt>
                                <dd>
                                  {referenceLink(entry.summary[item.key]) ? (
                                    <Anchor
                                      component={Link}
                                      to={referenceLink(entry.summary[item.key])!}
                                      size="sm"
                                    >
                                      {item.text}
                                    </Anchor>
                                  ) : (
                                    item.text
                                  )}
                                </dd>
                              </div>
                            ))}
                          </dl>
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
      <Pager page={page} pageCount={pageCount} onChange={(value) => apply(applied, value)} />
    </>
  );
}
