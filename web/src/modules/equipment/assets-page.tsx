import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type {
  AssetImportResult,
  AssetList,
} from '../../../../src/modules/equipment/contract/asset-contract.js';
import { ASSET_STATUSES, ASSET_TYPES } from '../../../../src/modules/equipment/contract.js';
import { ApiError, api, withQuery } from '../../app/api.js';
import { errorMessage, fieldMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { TableDownload } from '../../app/table-download.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import { withParam } from '../../app/url-params.js';
import { assetFilterQuery, importProblemsOf } from './asset-words.js';

const K = 'web.equipment.assets';
const PAGE_SIZE = 25;
const MAX_FILE_BYTES = 2_000_000;

/** ICT's inventory: search, filters, the paged list, its downloads and label sheet, and the CSV import. */
export function AssetsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const setParam = (name: string, value: string | null) =>
    setParams(() => withParam(name, value, { resetPage: true }), { replace: true });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives the query.
  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch.trim()) setParam('q', debouncedSearch.trim() || null);
  }, [debouncedSearch]);

  const filter = assetFilterQuery(params);
  const assets = useQuery({
    queryKey: ['equipment', 'assets', filter, page],
    queryFn: ({ signal }) =>
      api<AssetList>('/equipment/assets', {
        signal,
        query: { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
  // A total that is a lower bound covers at least this page: more lie beyond it, one page at a time.
  const pageCount = Math.max(
    1,
    Math.ceil((assets.data?.total ?? 0) / PAGE_SIZE),
    assets.data?.totalIsLowerBound ? page + 1 : 0,
  );

  return (
    <>
      <PageHeader
        title={t('web.areas.eqAssets.title')}
        description={t(`${K}.intro`)}
        actions={
          <>
            <TableDownload path="/equipment/assets" query={filter} />
            <Button
              component="a"
              variant="default"
              href={withQuery('/api/v1/equipment/assets/labels.pdf', filter)}
              target="_blank"
              rel="noopener"
            >
              {t(`${K}.print_labels`)}
            </Button>
          </>
        }
      />
      <Paper withBorder p="md" mb="md" component="search" aria-label={t(`${K}.filters`)}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label={t(`${K}.search`)}
            description={t(`${K}.search_help`)}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            type="search"
            w={300}
          />
          <Select
            label={t(`${K}.type`)}
            placeholder={t('web.common.all')}
            data={ASSET_TYPES.map((type) => ({ value: type, label: t(`equipment.type.${type}`) }))}
            value={params.get('type')}
            onChange={(value) => setParam('type', value)}
            clearable
            w={200}
          />
          <Select
            label={t(`${K}.status`)}
            placeholder={t('web.common.all')}
            data={ASSET_STATUSES.map((status) => ({ value: status, label: t(`equipment.status.${status}`) }))}
            value={params.get('status')}
            onChange={(value) => setParam('status', value)}
            clearable
            w={200}
          />
        </Group>
      </Paper>
      {assets.isPending ? (
        <LoadingState />
      ) : assets.isError ? (
        <ErrorState error={assets.error} onRetry={() => void assets.refetch()} />
      ) : assets.data.items.length === 0 ? (
        <Empty title={t(`${K}.none_found`)} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="sm" className="data-table" captionSide="bottom">
              <Table.Caption>
                {t(assets.data.totalIsLowerBound ? `${K}.caption_more_than` : `${K}.caption`, {
                  count: assets.data.total,
                })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`${K}.tag`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.type`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.model`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.serial`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.status`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.where`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.holder`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody aria-busy={assets.isFetching}>
                {assets.data.items.map((asset) => (
                  <Table.Tr key={asset.tag}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/equipment/assets/${encodeURIComponent(asset.tag)}`}
                        fw={500}
                      >
                        {asset.tag}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`equipment.type.${asset.type}`)}</Table.Td>
                    <Table.Td>{asset.model}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {asset.serial ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`equipment.status.${asset.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {t(`equipment.location.${asset.location}`)}
                      {asset.site ? ` · ${asset.site}` : ''}
                      {asset.desk ? ` · ${asset.desk}` : ''}
                    </Table.Td>
                    <Table.Td>{asset.holder?.name ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Pager page={page} pageCount={pageCount} onChange={(value) => setParam('page', String(value))} />
      <ImportSection />
    </>
  );
}

/** A CSV of units registered all or nothing; each bad line listed with its column. */
function ImportSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const showOutcome = () => requestAnimationFrame(() => outcomeRef.current?.focus());
  const sending = useSubmission({ onError: showOutcome });

  const pickFile = async (picked: File | null) => {
    setFile(picked);
    setFileProblem(null);
    setCsv('');
    if (!picked) return;
    if (picked.size > MAX_FILE_BYTES) {
      setFileProblem(t(`${K}.file_too_large`));
      return;
    }
    setCsv(await picked.text());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!csv.trim()) {
      setFileProblem(t(`${K}.nothing_to_import`));
      return;
    }
    void sending.run(async () => {
      const answer = await api<AssetImportResult>('/equipment/assets/import', {
        method: 'POST',
        body: { csv },
      });
      await queryClient.invalidateQueries({ queryKey: ['equipment'] });
      showOutcome();
      return t(`${K}.imported`, { count: answer.imported });
    });
  };

  const problems =
    sending.error instanceof ApiError ? importProblemsOf(sending.error.fieldErrors, fieldMessage) : [];
  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="asset-import">
      <Title order={2} fz="h4" id="asset-import" mb="xs">
        {t(`${K}.import_title`)}
      </Title>
      <Text size="sm" mb="sm">
        {t(`${K}.import_help`)} <Code>asset_tag,type,model,serial,status,site</Code>
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="md" wrap="wrap">
          <FileInput
            label={t(`${K}.import_file`)}
            accept=".csv,text/csv"
            value={file}
            onChange={(picked) => void pickFile(picked)}
            error={fileProblem}
            clearable
            w={320}
          />
          <Button type="submit" loading={sending.isPending}>
            {t(`${K}.import_button`)}
          </Button>
        </Group>
      </form>
      <div ref={outcomeRef} tabIndex={-1} style={{ outline: 'none' }}>
        {sending.notice && (
          <Alert color="teal" role="status" mt="md">
            {sending.notice}
          </Alert>
        )}
        {sending.error !== null && (
          <Alert color="red" role="alert" mt="md" title={errorMessage(sending.error)}>
            {problems.length > 0 && (
              <Table.ScrollContainer minWidth={480}>
                <Table fz="sm" verticalSpacing={4} captionSide="top">
                  <Table.Caption style={{ textAlign: 'left' }}>{t(`${K}.nothing_imported`)}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t(`${K}.line`)}</Table.Th>
                      <Table.Th scope="col">{t(`${K}.column`)}</Table.Th>
                      <Table.Th scope="col">{t(`${K}.problem`)}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {problems.map((problem, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered.
                      <Table.Tr key={index}>
                        <Table.Td>{problem.line ?? '—'}</Table.Td>
                        <Table.Td>{problem.column ? <Code>{problem.column}</Code> : '—'}</Table.Td>
                        <Table.Td>{problem.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Alert>
        )}
      </div>
    </Paper>
  );
}
