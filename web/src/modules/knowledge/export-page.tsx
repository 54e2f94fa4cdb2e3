import {
  Anchor,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Progress,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ExportView } from '../../../../src/modules/knowledge/contract.js';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { errorMessage } from '../../app/problems.js';
import { useCurrentUser } from '../../app/session.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';
import { formatDay } from './knowledge-format.js';

type Languages = ExportView['lang'];
type Format = ExportView['format'];
type Audience = ExportView['audience'];

const FIELDS = ['as_of', 'lang', 'format', 'audience'] as const;
const exportsKey = ['knowledge', 'exports'] as const;
const isFinished = (view: ExportView | undefined) => view?.status === 'done' || view?.status === 'failed';

/** Sizes as people read them: "348 kB", "2.4 MB". */
export function formatBytes(bytes: number, language: string): string {
  const locale = language === 'nl' ? 'nl-BE' : language === 'en' ? 'en-GB' : 'fr-BE';
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1000, 'kilobyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** Export / print: the FAQ as of a day to PDF or HTML, followed while it is made, then downloaded. */
export function KnowledgeExportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = params.get('export');
  return (
    <>
      <PageHeader title={t('web.areas.kbExport.title')} description={t('knowledgeExport.page.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <ExportForm onStarted={(id) => setParams({ export: id }, { replace: true })} />
            {current && <CurrentExport id={current} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" component="aside" aria-labelledby="kb-export-help">
            <Title order={2} fz="h4" id="kb-export-help" mb="sm">
              {t('knowledgeExport.page.help_title')}
            </Title>
            <List spacing="xs" size="sm">
              <List.Item>{t('knowledgeExport.page.help_pdf')}</List.Item>
              <List.Item>{t('knowledgeExport.page.help_html')}</List.Item>
              <List.Item>{t('knowledgeExport.page.help_time')}</List.Item>
            </List>
          </Paper>
        </Grid.Col>
      </Grid>
      <RecentExports current={current} />
    </>
  );
}

function ExportForm(props: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const isPartner = me.roles.includes('partner');
  const audiences: Audience[] = isPartner ? ['public', 'partners'] : ['public', 'partners', 'internal'];
  const [asOf, setAsOf] = useState(brusselsToday());
  const [languages, setLanguages] = useState<Languages>('both');
  const [format, setFormat] = useState<Format>('pdf');
  const [audience, setAudience] = useState<Audience>(isPartner ? 'partners' : 'internal');
  const submission = useSubmission({ fields: FIELDS });
  const { error, byField, others } = submission;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const started = await api<ExportView>('/knowledge/exports', {
        method: 'POST',
        body: { ...(asOf && { as_of: asOf }), lang: languages, format, audience },
      });
      queryClient.setQueryData([...exportsKey, started.id], started);
      await queryClient.invalidateQueries({ queryKey: [...exportsKey, 'list'] });
      props.onStarted(started.id);
    });
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="kb-export-form-title"
    >
      <Title order={2} fz="h4" id="kb-export-form-title" className="sr-only">
        {t('knowledgeExport.page.start')}
      </Title>
      <Stack gap="md">
        <TextInput
          label={t('knowledgeExport.page.as_of')}
          description={t('knowledgeExport.page.as_of_help')}
          type="date"
          name="as_of"
          value={asOf}
          onChange={(event) => setAsOf(event.currentTarget.value)}
          error={byField.as_of}
          w={{ base: '100%', sm: 260 }}
        />
        <Radio.Group
          label={t('knowledgeExport.page.languages')}
          name="lang"
          value={languages}
          onChange={(value) => setLanguages(value as Languages)}
          error={byField.lang}
        >
          <Stack gap={6} mt={6}>
            <Radio value="both" label={t('knowledgeExport.page.language_both')} />
            <Radio value="fr" label={t('knowledgeExport.page.language_fr')} />
            <Radio value="nl" label={t('knowledgeExport.page.language_nl')} />
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('knowledgeExport.page.format')}
          name="format"
          value={format}
          onChange={(value) => setFormat(value as Format)}
          error={byField.format}
        >
          <Group gap="lg" mt={6}>
            <Radio value="pdf" label={t('knowledgeExport.page.format_pdf')} />
            <Radio value="html" label={t('knowledgeExport.page.format_html')} />
          </Group>
        </Radio.Group>
        <Radio.Group
          label={t('knowledgeExport.page.audience')}
          description={t('knowledgeExport.page.audience_help')}
          name="audience"
          value={audience}
          onChange={(value) => setAudience(value as Audience)}
          error={byField.audience}
        >
          <Stack gap={6} mt={6}>
            {audiences.map((value) => (
              <Radio key={value} value={value} label={t(`knowledgeExport.page.audience_${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <FormErrors
          title={
            error && others.length === 0 && Object.keys(byField).length === 0 ? errorMessage(error) : null
          }
          messages={others}
        />
        <Group>
          <Button type="submit" loading={submission.isPending}>
            {t('knowledgeExport.page.start')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function useExport(id: string) {
  return useQuery({
    queryKey: [...exportsKey, id],
    queryFn: ({ signal }) => api<ExportView>(`/knowledge/exports/${encodeURIComponent(id)}`, { signal }),
    // Followed every half second while it is made; nothing more to ask once it is done or failed.
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 500),
    staleTime: 0,
  });
}

/** The export being made: a progress bar with its words, then the download link. */
function CurrentExport(props: { id: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const job = useExport(props.id);
  const view = job.data;
  const finished = isFinished(view);
  // Once it ends, the list of recent exports shows it with its file.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: [...exportsKey, 'list'] });
  }, [finished, queryClient]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="kb-export-current">
      <Title order={2} fz="h4" id="kb-export-current" mb="sm">
        {t('knowledgeExport.page.current')}
      </Title>
      {job.isPending ? (
        <LoadingState />
      ) : job.isError ? (
        <ErrorState error={job.error} onRetry={() => void job.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {formatDay(view!.asOf, i18n.language)} · {t(`knowledgeExport.page.language_${view!.lang}`)} ·{' '}
            {t(`knowledgeExport.page.format_${view!.format}`)} ·{' '}
            {t(`knowledgeExport.page.audience_${view!.audience}`)}
          </Text>
          <Progress
            value={view!.progress.percent}
            aria-label={t('knowledgeExport.page.progress_label')}
            color={view!.status === 'failed' ? 'red' : undefined}
            size="lg"
            striped={!finished}
            animated={view!.status === 'running'}
            transitionDuration={200}
          />
          <Text size="sm" role="status" aria-live="polite" data-status={view!.status}>
            {statusText(view!, t, i18n.language)}
          </Text>
          {view!.status === 'done' && view!.file && (
            <DownloadLink file={view!.file} expiresAt={view!.expiresAt} />
          )}
        </Stack>
      )}
    </Paper>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

function statusText(view: ExportView, t: Translate, language: string): string {
  if (view.status === 'queued') return t('knowledgeExport.page.status_queued');
  if (view.status === 'failed')
    return t('knowledgeExport.page.status_failed', { reason: view.error?.message ?? '' });
  if (view.status === 'running') {
    const phase = view.progress.phase ? t(`knowledgeExport.page.phase_${view.progress.phase}`) : '';
    return t('knowledgeExport.page.status_running', { percent: view.progress.percent, phase });
  }
  const file = view.file!;
  const details = t(`knowledgeExport.page.details_${view.format}`, {
    pages: file.pages,
    entries: file.entries,
    size: formatBytes(file.bytes, language),
  });
  return t('knowledgeExport.page.status_done', { details });
}

function DownloadLink(props: { file: NonNullable<ExportView['file']>; expiresAt: string | null }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" align="center">
      <Button component="a" href={props.file.url} download={props.file.fileName} variant="filled">
        {t('knowledgeExport.page.download', { name: props.file.fileName })}
      </Button>
      {props.expiresAt && (
        <Text size="sm" c="dimmed">
          {t('knowledgeExport.page.expires', { date: formatInstant(props.expiresAt) })}
        </Text>
      )}
    </Group>
  );
}

/** One's exports of the last day: to download again, or to see how one that failed ended. */
function RecentExports(props: { current: string | null }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: [...exportsKey, 'list'],
    queryFn: ({ signal }) => api<{ items: ExportView[] }>('/knowledge/exports', { signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return null;
  return (
    <Paper withBorder mt="lg" component="section" aria-labelledby="kb-export-recent">
      <Title order={2} fz="h4" id="kb-export-recent" p="md" pb={0}>
        {t('knowledgeExport.page.recent')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" striped captionSide="bottom" aria-labelledby="kb-export-recent">
          <Table.Caption>{t('knowledgeExport.page.recent_caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('knowledgeExport.page.created')}</Table.Th>
              <Table.Th scope="col">{t('knowledgeExport.page.file')}</Table.Th>
              <Table.Th scope="col">{t('knowledgeExport.page.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((item) => (
              <Table.Tr key={item.id} aria-current={item.id === props.current ? 'true' : undefined}>
                <Table.Td>{formatInstant(item.createdAt)}</Table.Td>
                <Table.Td>
                  {item.file ? (
                    <Anchor href={item.file.url} download={item.file.fileName} size="sm">
                      {item.file.fileName}
                    </Anchor>
                  ) : (
                    <Text size="sm">
                      {formatDay(item.asOf, i18n.language)} ·{' '}
                      {t(`knowledgeExport.page.language_${item.lang}`)} ·{' '}
                      {t(`knowledgeExport.page.format_${item.format}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{statusText(item, t, i18n.language)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
