import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatInstant } from '../../app/format.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import { type AcknowledgementBoard, BOARD_PAGE_SIZE, useAcknowledgementBoard } from './api.js';
import { ChangeKind } from './changes-page.js';
import { questionIn } from './knowledge-format.js';
import { ToneBadge } from './tone-badge.js';
import './knowledge.css';

type Fund = AcknowledgementBoard['funds'][number];

/** Whether every fund applies the same rules: who lags (first), and who has not seen each change. */
export function AcknowledgementsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const board = useAcknowledgementBoard(page);
  const pageCount = Math.max(1, Math.ceil((board.data?.changesTotal ?? 0) / BOARD_PAGE_SIZE));
  return (
    <>
      <PageHeader
        title={t('web.areas.kbAcknowledgements.title')}
        description={t('web.knowledge.board.intro')}
      />
      {board.isPending ? (
        <LoadingState />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Stack gap="lg">
          <FundsTable funds={board.data.funds} />
          <ChangesTable board={board.data} isBusy={board.isFetching} />
          <Pager
            page={page}
            pageCount={pageCount}
            onChange={(next) => setParams(next > 1 ? { page: String(next) } : {})}
          />
        </Stack>
      )}
    </>
  );
}

const fundName = (fund: Fund | undefined, code: string, language: string) =>
  fund ? (language === 'nl' ? fund.nameNl : fund.nameFr) : code;

/** Per fund: pending changes as a bar (the number beside it in text), oldest pending, last acknowledgement. */
function FundsTable(props: { funds: Fund[] }) {
  const { t, i18n } = useTranslation();
  const most = Math.max(1, ...props.funds.map((fund) => fund.pending));
  return (
    <Paper withBorder component="section" aria-labelledby="kb-funds-title">
      <Title order={2} fz="h4" id="kb-funds-title" p="md" pb={0}>
        {t('web.knowledge.board.funds_title')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" aria-labelledby="kb-funds-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('web.knowledge.board.fund')}</Table.Th>
              <Table.Th scope="col" w="35%">
                {t('web.knowledge.board.pending')}
              </Table.Th>
              <Table.Th scope="col">{t('web.knowledge.board.oldest_pending')}</Table.Th>
              <Table.Th scope="col">{t('web.knowledge.board.last_ack')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.funds.map((fund) => (
              <Table.Tr key={fund.code} data-fund={fund.code}>
                <Table.Th scope="row" fw={500}>
                  {fundName(fund, fund.code, i18n.language)}
                </Table.Th>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <div className="kb-bar-track" aria-hidden="true">
                      <div className="kb-bar" style={{ width: `${(fund.pending / most) * 100}%` }} />
                    </div>
                    <Text size="sm" fw={600} miw={40} ta="right">
                      {fund.pending}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>{fund.oldestPendingAt ? formatInstant(fund.oldestPendingAt) : '—'}</Table.Td>
                <Table.Td>
                  {fund.lastAckAt ? formatInstant(fund.lastAckAt) : t('web.knowledge.board.never')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * The latest changes against the funds: one column per fund, a tick and the day where it
 * acknowledged, a dash where it has not (each also said in words to screen readers).
 */
function ChangesTable(props: { board: AcknowledgementBoard; isBusy: boolean }) {
  const { t, i18n } = useTranslation();
  const { funds, changes } = props.board;
  return (
    <Paper withBorder component="section" aria-labelledby="kb-board-changes-title">
      <Title order={2} fz="h4" id="kb-board-changes-title" p="md" pb={0}>
        {t('web.knowledge.board.changes_title')}
      </Title>
      <Text size="sm" c="dimmed" px="md">
        {t('web.knowledge.board.changes_count', { count: props.board.changesTotal })}
      </Text>
      {changes.length === 0 ? (
        <Empty title={t('web.knowledge.board.no_changes')} />
      ) : (
        <Table.ScrollContainer minWidth={560 + funds.length * 80}>
          <Table verticalSpacing="xs" striped withColumnBorders aria-labelledby="kb-board-changes-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.knowledge.changes.what')}</Table.Th>
                {funds.map((fund) => (
                  <Table.Th scope="col" key={fund.code} ta="center" fz="xs">
                    <abbr title={fundName(fund, fund.code, i18n.language)}>{fund.code.toUpperCase()}</abbr>
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  {t('web.knowledge.board.missing_count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody aria-busy={props.isBusy}>
              {changes.map((change) => {
                const acks = new Map(change.acknowledgedBy.map((ack) => [ack.code, ack.at]));
                return (
                  <Table.Tr key={change.seq} data-change={`${change.ref}-v${change.version}`}>
                    <Table.Th scope="row" fw={400} maw={420}>
                      <Group gap="xs" wrap="wrap">
                        <Anchor
                          component={Link}
                          to={`/knowledge/search?ref=${encodeURIComponent(change.ref)}`}
                          ff="monospace"
                          fw={600}
                          size="sm"
                        >
                          {change.ref}
                        </Anchor>
                        <Text size="xs" c="dimmed" span>
                          {t('web.knowledge.changes.version', { version: change.version })} ·{' '}
                          {formatInstant(change.at)}
                        </Text>
                      </Group>
                      <Text size="sm" lineClamp={2}>
                        {questionIn(change, i18n.language)}
                      </Text>
                      <ChangeKind change={change} />
                    </Table.Th>
                    {funds.map((fund) => {
                      const at = acks.get(fund.code);
                      return (
                        <Table.Td key={fund.code} ta="center" data-fund={fund.code}>
                          {at ? (
                            <Text size="xs" c="#0b5a44" fw={600} title={formatInstant(at)}>
                              <span aria-hidden="true">✓</span>
                              <span className="sr-only">
                                {t('web.knowledge.board.acknowledged_on', { at: formatInstant(at) })}
                              </span>
                            </Text>
                          ) : (
                            <Text size="xs" c="dimmed">
                              <span aria-hidden="true">–</span>
                              <span className="sr-only">{t('web.knowledge.board.not_yet')}</span>
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="right">
                      {change.missing.length === 0 ? (
                        <ToneBadge tone="ok">{t('web.knowledge.board.everyone')}</ToneBadge>
                      ) : (
                        <Text size="sm" fw={600}>
                          {change.missing.length}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
