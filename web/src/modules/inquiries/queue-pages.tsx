import { Alert, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { STATUSES } from '../../../../src/modules/inquiries/contract.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import { backofficeKeys, type ListQuery, type Status, useInquiryList, useTeams } from './backoffice-api.js';
import {
  byFundAnswerThenUrgency,
  type DueFilter,
  latestSearchParams,
  matchesDueFilter,
  pickQueueTeam,
} from './backoffice-format.js';
import { InquiryDrawer } from './inquiry-drawer.js';
import { teamName } from './inquiry-labels.js';
import { useInquiryNotices } from './inquiry-notices.js';
import { QueueTable } from './queue-table.js';
import { ReassignForm } from './reassign-form.js';

const PAGE_SIZE = 50;
/** "My work" is one person's open inquiries: one page holds them, so they can be sorted by urgency. */
const MY_WORK_LIMIT = 200;
const K = 'web.inquiries.backoffice';

type Who = 'all' | 'none' | 'me';
const WHO: readonly Who[] = ['all', 'none', 'me'];
const DUE: readonly DueFilter[] = ['all', 'due_soon', 'overdue'];

const isStatus = (value: string | null): value is Status => STATUSES.includes(value as Status);

const TEAM_STORAGE_KEY = 'relais.inquiries.queueTeam';

/** The team queue chosen last on this device, if any. */
function rememberedTeam(): string | null {
  try {
    return localStorage.getItem(TEAM_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled: the queue then opens on a team with work
  }
}

function rememberTeam(code: string): void {
  try {
    localStorage.setItem(TEAM_STORAGE_KEY, code);
  } catch {
    // nothing to do: the choice then lasts for this page only
  }
}

/**
 * What moved, told at once: when a fund answers, the lists reload (the inquiry then shows the
 * fund's answer and its running deadline) and a status message names it for screen readers too.
 */
function useWhatMoved(): string | null {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => void queryClient.invalidateQueries({ queryKey: backofficeKeys.all });
  useInquiryNotices(
    (ref) => {
      setNotice(t(`${K}.notice.partner_answered`, { ref }));
      reload();
    },
    reload,
    { enabled: hasAbility(me, 'inquiries.queues') },
  );
  return notice;
}

/** The inquiry open in the side panel lives in the address, so Back closes it and a link reopens it. */
function useOpenInquiry(): [string | null, (ref: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const open = (ref: string | null) =>
    setParams(
      () => {
        const next = latestSearchParams();
        if (ref) next.set('inquiry', ref);
        else next.delete('inquiry');
        return next;
      },
      { replace: !ref },
    );
  return [params.get('inquiry'), open];
}

/**
 * A team's queue: what waits, who has it, and how close each deadline is. Members take inquiries
 * from it; managers select rows and hand them to someone else or another team.
 */
export function TeamQueuePage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const canAssign = hasAbility(me, 'inquiries.assign');
  const teams = useTeams();
  const [params, setParams] = useSearchParams();
  const [openRef, setOpenRef] = useOpenInquiry();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);

  const whatMoved = useWhatMoved();
  // Chosen once when the teams arrive: a queue does not jump to another team as its work changes.
  const [defaultTeam, setDefaultTeam] = useState<string | undefined>();
  const initialTeam = defaultTeam ?? (teams.data ? pickQueueTeam(teams.data, rememberedTeam()) : undefined);
  if (defaultTeam === undefined && initialTeam !== undefined) setDefaultTeam(initialTeam);
  const team = params.get('team') ?? initialTeam;
  const status = params.get('status') ?? 'open';
  const who = (WHO as readonly string[]).includes(params.get('who') ?? '')
    ? (params.get('who') as Who)
    : 'all';
  const due = (DUE as readonly string[]).includes(params.get('due') ?? '')
    ? (params.get('due') as DueFilter)
    : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const setParam = (name: string, value: string | null) => {
    if (name === 'team' && value) rememberTeam(value);
    setSelected(new Set());
    setNotice(null);
    setParams(
      () => {
        const next = latestSearchParams();
        if (value) next.set(name, value);
        else next.delete(name);
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  const query: ListQuery = {
    team,
    ...(status === 'open' ? { open: true } : isStatus(status) ? { status } : {}),
    ...(who !== 'all' && { assignee: who }),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useInquiryList(query, { enabled: Boolean(team) });
  const shown = (list.data?.items ?? []).filter((item) => matchesDueFilter(item.deadlines, due));
  const pageCount = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <PageHeader title={t('web.areas.inqQueue.title')} description={t(`${K}.queue.intro`)} />
      <WhatMoved notice={whatMoved} />
      {notice && (
        <Alert color="teal" role="status" mb="md">
          {notice}
        </Alert>
      )}
      <Paper withBorder p="md" mb="md" component="search" aria-label={t(`${K}.queue.filters`)}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <NativeSelect
            label={t(`${K}.queue.team`)}
            value={team ?? ''}
            onChange={(event) => setParam('team', event.currentTarget.value)}
            data={(teams.data ?? []).map((item) => ({
              value: item.code,
              label: item.is_member
                ? t(`${K}.queue.my_team`, { name: teamName(item, i18n.language) })
                : teamName(item, i18n.language),
            }))}
            w={300}
          />
          <NativeSelect
            label={t(`${K}.queue.status`)}
            value={status}
            onChange={(event) => setParam('status', event.currentTarget.value)}
            data={[
              { value: 'open', label: t(`${K}.queue.all_open`) },
              ...STATUSES.map((value) => ({ value, label: t(`web.inquiries.statuses.${value}`) })),
              { value: 'all', label: t(`${K}.queue.any_status`) },
            ]}
            w={220}
          />
          <NativeSelect
            label={t(`${K}.queue.who`)}
            value={who}
            onChange={(event) => setParam('who', event.currentTarget.value)}
            data={WHO.map((value) => ({ value, label: t(`${K}.queue.who_${value}`) }))}
            w={200}
          />
          <NativeSelect
            label={t(`${K}.queue.due`)}
            description={t(`${K}.queue.due_help`)}
            value={due}
            onChange={(event) => setParam('due', event.currentTarget.value)}
            data={DUE.map((value) => ({ value, label: t(`${K}.queue.due_${value}`) }))}
            w={260}
          />
        </Group>
      </Paper>

      {canAssign && selected.size > 0 && (
        <ReassignForm
          refs={[...selected]}
          onDone={(message) => {
            setSelected(new Set());
            setNotice(message);
          }}
        />
      )}

      {teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : !team || list.isPending ? (
        teams.data && teams.data.length === 0 ? (
          <Empty title={t(`${K}.queue.no_teams`)} />
        ) : (
          <LoadingState />
        )
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : shown.length === 0 ? (
        <Empty
          title={t(`${K}.queue.empty`)}
          description={due !== 'all' && list.data.items.length > 0 ? t(`${K}.queue.empty_due`) : undefined}
        />
      ) : (
        <QueueTable
          items={shown}
          caption={
            due === 'all'
              ? t(`${K}.queue.caption`, { count: list.data.total })
              : t(`${K}.queue.caption_due`, { count: shown.length, onPage: list.data.items.length })
          }
          isBusy={list.isFetching}
          openRef={openRef}
          onOpen={setOpenRef}
          {...(canAssign && { selection: { selected, onChange: setSelected } })}
        />
      )}
      <Pager page={page} pageCount={pageCount} onChange={(value) => setParam('page', String(value))} />
      <InquiryDrawer inquiryRef={openRef} onClose={() => setOpenRef(null)} />
    </>
  );
}

/** The live region is there from the start, so a screen reader announces the notice when it comes. */
function WhatMoved(props: { notice: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {props.notice && (
        <Alert color="orange" mb="md" data-notice="partner_answered">
          {props.notice}
        </Alert>
      )}
    </div>
  );
}

/** My open inquiries, across my teams: what a fund just answered first, then the most urgent deadline. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const [openRef, setOpenRef] = useOpenInquiry();
  const list = useInquiryList({ assignee: 'me', open: true, limit: MY_WORK_LIMIT, offset: 0 });
  const items = [...(list.data?.items ?? [])].sort(byFundAnswerThenUrgency);
  const whatMoved = useWhatMoved();
  return (
    <>
      <PageHeader title={t('web.areas.inqMine.title')} description={t(`${K}.mine.intro`)} />
      <WhatMoved notice={whatMoved} />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t(`${K}.mine.empty`)} description={t(`${K}.mine.empty_help`)} />
      ) : (
        <>
          {list.data.total > items.length && (
            <Text size="sm" mb="sm">
              {t(`${K}.mine.truncated`, { shown: items.length, total: list.data.total })}
            </Text>
          )}
          <QueueTable
            items={items}
            caption={t(`${K}.mine.caption`, { count: items.length })}
            isBusy={list.isFetching}
            showTeam
            openRef={openRef}
            onOpen={setOpenRef}
          />
        </>
      )}
      <InquiryDrawer inquiryRef={openRef} onClose={() => setOpenRef(null)} />
    </>
  );
}
