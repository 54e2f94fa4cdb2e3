import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Keys } from '../inquiry-labels.js';
import { SHORTCUTS } from '../shortcuts.js';

/** The page's keyboard shortcuts, written out where the agent sees them. */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const items: [string, React.ReactNode][] = [
    ['choose', <Keys key="k" shortcut={{ key: '↓ ↑' }} />],
    ['answer', <Keys key="k" shortcut={SHORTCUTS.answer} />],
    ['language', <Keys key="k" shortcut={SHORTCUTS.language} />],
    ['identification', <Keys key="k" shortcut={SHORTCUTS.identification} />],
    ['escalate', <Keys key="k" shortcut={SHORTCUTS.escalate} />],
    ['referral', <Keys key="k" shortcut={SHORTCUTS.referral} />],
  ];
  return (
    <Paper withBorder p="xs" mb="md" component="section" aria-labelledby="call-shortcuts-title">
      <Group gap="lg" wrap="wrap">
        <Text size="sm" fw={600} id="call-shortcuts-title">
          {t('web.inquiries.shortcuts.title')}
        </Text>
        <ul className="inq-shortcuts">
          {items.map(([key, keys]) => (
            <li key={key}>
              {keys} <span>{t(`web.inquiries.shortcuts.${key}`)}</span>
            </li>
          ))}
        </ul>
      </Group>
    </Paper>
  );
}
