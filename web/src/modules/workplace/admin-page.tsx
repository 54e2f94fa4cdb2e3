import { Group, Select, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleConflict } from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { AdminDesks } from './admin-desks.js';
import { AdminRules } from './admin-rules.js';
import { AdminZones } from './admin-zones.js';
import { useFloorPlan, useSites } from './api.js';
import { brusselsToday } from './bookable-days.js';
import { RuleBreaks } from './rule-breaks.js';
import { nameIn } from './workplace-format.js';
import './workplace.css';

const K = 'web.workplace.admin';
const TABS = ['desks', 'zones', 'rules'] as const;
type Tab = (typeof TABS)[number];

/** The bookings a change of rules or of a zone's capacity now refuses, for the site they are on. */
export type Breaks = { site: string; conflicts: RuleConflict[] };

/**
 * The facility managers' screen: a floor's desks (features, blocked with a reason), its zones (names,
 * capacity) and the site's booking rules; a change that refuses bookings already made lists them,
 * with a button that mails their people.
 */
export function WorkplaceAdminPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const sites = useSites();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [floorId, setFloorId] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('desks');
  // Each change is a new list (`change` counts them): its notice and button start afresh.
  const [breaks, setBreaks] = useState<(Breaks & { change: number }) | null>(null);
  const showBreaks = (next: Breaks) =>
    setBreaks((before) => ({ ...next, change: (before?.change ?? 0) + 1 }));
  const site = sites.data?.items.find((s) => s.id === siteId) ?? sites.data?.items[0];
  const floor = site?.floors.find((f) => f.id === floorId) ?? site?.floors[0];
  // Blocked is blocked whatever the day: today's plan says which desks are, and with what reason.
  const plan = useFloorPlan(floor?.id ?? null, brusselsToday(), 'day');

  const header = <PageHeader title={t(`${K}.title`)} description={t(`${K}.intro`)} />;
  if (sites.isPending)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  if (sites.isError)
    return (
      <>
        {header}
        <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />
      </>
    );
  if (!site || !floor)
    return (
      <>
        {header}
        <Empty title={t('web.workplace.no_sites')} />
      </>
    );
  return (
    <>
      {header}
      <Group gap="md" align="flex-end" wrap="wrap" mb="md">
        <Select
          label={t(`${K}.site`)}
          data={sites.data.items.map((s) => ({ value: s.id, label: s.name }))}
          value={site.id}
          allowDeselect={false}
          onChange={(value) => {
            if (!value) return;
            setSiteId(value);
            // Another site has other floors: its first one, not a floor id it does not know.
            setFloorId(null);
            setBreaks(null);
          }}
        />
        <Select
          label={t(`${K}.floor`)}
          data={site.floors.map((f) => ({ value: f.id, label: nameIn(f.name, language) }))}
          value={floor.id}
          allowDeselect={false}
          onChange={(value) => value && setFloorId(value)}
          w={200}
        />
      </Group>
      <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`${K}.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="desks">
          {plan.isPending ? (
            <LoadingState />
          ) : plan.isError ? (
            <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
          ) : (
            <AdminDesks plan={plan.data} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="zones">
          {plan.isPending ? (
            <LoadingState />
          ) : plan.isError ? (
            <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
          ) : (
            <AdminZones plan={plan.data} onBreaks={showBreaks} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <AdminRules key={site.id} site={site} onBreaks={showBreaks} />
        </Tabs.Panel>
      </Tabs>
      {breaks && <RuleBreaks key={breaks.change} breaks={breaks} />}
    </>
  );
}
