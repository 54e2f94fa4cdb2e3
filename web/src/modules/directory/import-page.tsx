import {
  Alert,
  Button,
  Checkbox,
  Code,
  FileInput,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportResult } from '../../../../src/modules/directory/contract.js';
import { ApiError, api } from '../../app/api.js';
import { errorMessage, fieldMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { PageHeader } from '../../app/ui.js';
import { directoryKeys } from './api.js';
import { downloadText, IMPORT_COLUMNS, IMPORT_EXAMPLE, importProblems, passwordsCsv } from './import-file.js';

const MAX_FILE_BYTES = 900_000;

/** Import volunteers from a spreadsheet: all rows or none, every bad row named by its line. */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [generatePasswords, setGeneratePasswords] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // Once rendered, bring the outcome into view and give it focus so a screen reader reads it.
  const showOutcome = () =>
    requestAnimationFrame(() => {
      outcomeRef.current?.focus();
      outcomeRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  const sending = useSubmission({ onError: showOutcome });
  const { error } = sending;

  const pickFile = async (picked: File | null) => {
    setFile(picked);
    setFileProblem(null);
    if (!picked) return;
    if (picked.size > MAX_FILE_BYTES) {
      setFileProblem(t('web.import.file_too_large'));
      return;
    }
    setCsv(await picked.text());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    sending.reset();
    if (!csv.trim()) {
      setFileProblem(t('web.import.nothing_to_import'));
      return;
    }
    void sending.run(async () => {
      const answer = await api<ImportResult>('/directory/people/import', {
        method: 'POST',
        body: { csv, generatePasswords },
      });
      setResult(answer);
      showOutcome();
      await queryClient.invalidateQueries({ queryKey: directoryKeys.people });
    });
  };

  const problems = error instanceof ApiError ? importProblems(error.fieldErrors, fieldMessage) : [];

  return (
    <>
      <PageHeader title={t('web.areas.import.title')} description={t('web.import.intro')} />
      {/* The outcome comes first: after a click on Import, it is what the person looks for. */}
      <Stack
        gap="md"
        mb={result || error !== null ? 'lg' : 0}
        ref={outcomeRef}
        tabIndex={-1}
        style={{ scrollMarginTop: 80, outline: 'none' }}
      >
        {result && (
          <Alert color="teal" role="status" title={t('web.import.imported', { count: result.imported })}>
            <Stack gap="xs" align="flex-start">
              {result.passwords.length > 0 && (
                <>
                  <Text size="sm">{t('web.import.passwords_help')}</Text>
                  <Button
                    size="sm"
                    onClick={() => downloadText('relais-passwords.csv', passwordsCsv(result.passwords))}
                  >
                    {t('web.import.download_passwords', { count: result.passwords.length })}
                  </Button>
                </>
              )}
              <Button component={Link} to="/directory/people" variant="subtle" size="xs" px={0}>
                {t('web.import.see_people')}
              </Button>
            </Stack>
          </Alert>
        )}
        {error !== null && (
          <Alert color="red" role="alert" title={errorMessage(error)}>
            {problems.length > 0 ? (
              <>
                <Text size="sm" mb="xs">
                  {t('web.import.nothing_imported')}
                </Text>
                <Table fz="sm" verticalSpacing={4} captionSide="top" className="import-problems">
                  <Table.Caption style={{ textAlign: 'left' }}>
                    {t('web.import.problems_caption')}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('web.import.line')}</Table.Th>
                      <Table.Th scope="col">{t('web.import.column')}</Table.Th>
                      <Table.Th scope="col">{t('web.import.problem')}</Table.Th>
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
              </>
            ) : null}
          </Alert>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper
          withBorder
          p="lg"
          component="section"
          aria-labelledby="import-form-title"
          style={{ alignSelf: 'start' }}
        >
          <Title order={2} fz="h4" mb="md" id="import-form-title">
            {t('web.import.form_title')}
          </Title>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <FileInput
                label={t('web.import.file')}
                description={t('web.import.file_help')}
                placeholder={t('web.import.file_placeholder')}
                accept=".csv,text/csv,text/plain"
                value={file}
                onChange={(picked) => void pickFile(picked)}
                clearable
                clearButtonProps={{ 'aria-label': t('web.common.clear') }}
              />
              <Textarea
                label={t('web.import.content')}
                description={t('web.import.content_help')}
                value={csv}
                onChange={(event) => setCsv(event.currentTarget.value)}
                autosize
                minRows={6}
                maxRows={16}
                spellCheck={false}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                error={fileProblem}
              />
              <Checkbox
                label={t('web.import.generate_passwords')}
                description={t('web.import.generate_passwords_help')}
                checked={generatePasswords}
                onChange={(event) => setGeneratePasswords(event.currentTarget.checked)}
              />
              <Group>
                <Button type="submit" loading={sending.isPending}>
                  {t('web.import.submit')}
                </Button>
                <Button variant="default" onClick={() => setCsv(IMPORT_EXAMPLE)}>
                  {t('web.import.use_example')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="import-columns-title">
          <Title order={2} fz="h4" mb="xs" id="import-columns-title">
            {t('web.import.columns_title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('web.import.columns_help')}
          </Text>
          <Table verticalSpacing={6} fz="sm" aria-labelledby="import-columns-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.import.column')}</Table.Th>
                <Table.Th scope="col">{t('web.import.meaning')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {IMPORT_COLUMNS.map((column) => (
                <Table.Tr key={column}>
                  <Table.Td>
                    <Code>{column}</Code>
                  </Table.Td>
                  <Table.Td>{t(`web.import.columns.${column}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" fw={600} mt="md" mb={4}>
            {t('web.import.example')}
          </Text>
          {/* Focusable: on a narrow screen the example scrolls sideways, and keyboards must reach it. */}
          <Code block tabIndex={0} aria-label={t('web.import.example')}>
            {IMPORT_EXAMPLE}
          </Code>
          <Button
            mt="sm"
            size="xs"
            variant="subtle"
            onClick={() => downloadText('relais-people-template.csv', `${IMPORT_EXAMPLE}\r\n`)}
          >
            {t('web.import.download_template')}
          </Button>
        </Paper>
      </SimpleGrid>
    </>
  );
}
