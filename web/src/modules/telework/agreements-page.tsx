import {
  Badge,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  AGREEMENT_STATUSES,
  type AgreementStatus,
  type Eligibility,
} from '../../../../src/modules/telework/contract.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { TableDownload } from '../../app/table-download.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import { AgreementTable } from './agreement-list.js';
import { AgreementRequestForm } from './agreement-request-form.js';
import { isWaitingFor, type Reader } from './agreement-waiting.js';
import { formatDays, K } from './agreement-words.js';
import { type AgreementScope, PAGE_SIZE, useAgreements, useEligibility } from './agreements-api.js';

type Tab = AgreementScope;

/**
 * Telework agreements: mine (eligibility, my agreements, the request form), my team's for a
 * manager (what waits for me first, with a count), everyone's for HR; each opens its detail.
 */
export function AgreementsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const canTeam = hasAbility(me, 'telework.team');
  const isHr = hasAbility(me, 'telework.manage');
  const tabs: Tab[] = ['mine', ...(canTeam ? (['team'] as const) : []), ...(isHr ? (['all'] as const) : [])];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'mine';
  const reader: Reader = { id: me.id, isHr };
  // The requests waiting for my decision, counted by the server: the number on the tab.
  const requests = useAgreements('team', 'requested', 1, canTeam);
  const waiting = requests.data?.total ?? 0;

  return (
    <>
      <PageHeader title={t(`${K}.title`)} description={t(`${K}.intro`)} />
      <Tabs
        value={tab}
        onChange={(value) => value && setParams(value === 'mine' ? {} : { tab: value }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {tabs.map((key) => (
            <Tabs.Tab
              key={key}
              value={key}
              rightSection={
                key === 'team' && waiting > 0 ? (
                  <Badge size="sm" circle aria-hidden>
                    {waiting}
                  </Badge>
                ) : undefined
              }
            >
              {t(`${K}.tabs.${key}`)}
              {key === 'team' && waiting > 0 && (
                <VisuallyHidden>{` (${t(`${K}.waiting_count`, { count: waiting })})`}</VisuallyHidden>
              )}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="mine">
          <MinePanel reader={reader} />
        </Tabs.Panel>
        {canTeam && (
          <Tabs.Panel value="team">
            <ScopePanel scope="team" reader={reader} />
          </Tabs.Panel>
        )}
        {isHr && (
          <Tabs.Panel value="all">
            <ScopePanel scope="all" reader={reader} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}

function MinePanel(props: { reader: Reader }) {
  const { t } = useTranslation();
  const eligibility = useEligibility();
  const [page, setPage] = useState(1);
  const mine = useAgreements('mine', null, page);
  return (
    <Stack gap="lg">
      {eligibility.isPending ? (
        <LoadingState />
      ) : eligibility.isError ? (
        <ErrorState error={eligibility.error} onRetry={() => void eligibility.refetch()} />
      ) : (
        <EligibilityPanel eligibility={eligibility.data} />
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="tw-mine-title">
        <Title order={2} fz="h4" id="tw-mine-title" mb="sm">
          {t(`${K}.mine_title`)}
        </Title>
        {mine.isPending ? (
          <LoadingState />
        ) : mine.isError ? (
          <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
        ) : mine.data.items.length === 0 ? (
          <Empty title={t(`${K}.mine_empty`)} />
        ) : (
          <>
            <AgreementTable
              items={mine.data.items}
              caption={t(`${K}.mine_title`)}
              showPerson={false}
              isWaiting={(a) => isWaitingFor(a, props.reader)}
            />
            <Pager page={page} pageCount={Math.ceil(mine.data.total / PAGE_SIZE)} onChange={setPage} />
          </>
        )}
      </Paper>
      {eligibility.data?.eligible && <AgreementRequestForm eligibility={eligibility.data} />}
    </Stack>
  );
}

function EligibilityPanel(props: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  const e = props.eligibility;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tw-eligibility-title">
      <Title order={2} fz="h4" id="tw-eligibility-title" mb="sm">
        {t(`${K}.eligibility.title`)}
      </Title>
      {e.functionName !== null && (
        <Text mb="xs">
          {t(`${K}.eligibility.function`, { function: e.functionName, pct: e.occupationPct ?? '—' })}
        </Text>
      )}
      {e.eligible ? (
        <List spacing={4}>
          <List.Item>
            {t(`${K}.eligibility.weekly`, { count: e.weeklyCapDays, days: formatDays(e.weeklyCapDays) })}
          </List.Item>
          <List.Item>
            {t(`${K}.eligibility.monthly`, { count: e.monthlyCapDays, days: formatDays(e.monthlyCapDays) })}
          </List.Item>
          <List.Item>
            {t(e.needsHrApproval ? `${K}.eligibility.hr_too` : `${K}.eligibility.manager_only`)}
          </List.Item>
        </List>
      ) : (
        <Text fw={600}>{t(e.reason ?? 'telework.no_profile', { function: e.functionName ?? '' })}</Text>
      )}
    </Paper>
  );
}

function ScopePanel(props: { scope: 'team' | 'all'; reader: Reader }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AgreementStatus | null>(null);
  const [page, setPage] = useState(1);
  const list = useAgreements(props.scope, status, page);
  const title = t(`${K}.${props.scope}_title`);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`tw-${props.scope}-title`}>
      <Title order={2} fz="h4" id={`tw-${props.scope}-title`} mb="xs">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.${props.scope}_intro`)}
      </Text>
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <NativeSelect
          label={t(`${K}.status_filter`)}
          value={status ?? ''}
          onChange={(event) => {
            setStatus((event.currentTarget.value || null) as AgreementStatus | null);
            setPage(1);
          }}
          data={[
            { value: '', label: t('web.common.all') },
            ...AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`telework.words.status.${s}`) })),
          ]}
        />
        <TableDownload
          path="/telework/agreements"
          query={{ scope: props.scope, status: status ?? undefined }}
        />
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty title={t(`${K}.none`)} />
      ) : (
        <>
          <AgreementTable
            items={list.data.items}
            caption={title}
            showPerson
            isWaiting={(a) => isWaitingFor(a, props.reader)}
          />
          <Pager page={page} pageCount={Math.ceil(list.data.total / PAGE_SIZE)} onChange={setPage} />
        </>
      )}
    </Paper>
  );
}
