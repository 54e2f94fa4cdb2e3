import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/ui.js';
import { DeflectionsPanel } from './deflections-panel.js';
import { SearchMissesPanel } from './search-misses-panel.js';
import { SynonymsPanel } from './synonyms-panel.js';
import { ThemesPanel } from './themes-panel.js';

const TABS = ['themes', 'synonyms', 'misses'] as const;
type Tab = (typeof TABS)[number];

/** What shapes the FAQ's search and filing: themes, FR↔NL synonyms, and what callers asked in vain. */
export function KnowledgeSettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'themes';
  return (
    <>
      <PageHeader title={t('web.areas.kbSettings.title')} description={t('web.knowledge.settings.intro')} />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'themes' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`web.knowledge.settings.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="themes">
          <ThemesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="synonyms">
          <SynonymsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="misses">
          <SearchMissesPanel />
          <DeflectionsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
