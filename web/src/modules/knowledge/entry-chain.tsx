import { Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChainItem } from './api.js';
import { formatDay, periodText } from './knowledge-format.js';
import { ToneBadge } from './tone-badge.js';

/**
 * The periods of one rule, oldest first: what applied before this entry and what replaced it.
 * A caller asking about last spring needs the entry of that period, one click away.
 */
export function EntryChain(props: { chain: ChainItem[]; asOf: string; onOpen: (ref: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Title order={4} fz="h6" mt="md" mb="xs" id="kb-chain-title">
        {t('web.knowledge.read.chain')}
      </Title>
      <ol className="kb-chain" aria-labelledby="kb-chain-title">
        {props.chain.map((item) => {
          const label = `${item.ref} · ${periodText(item.validFrom, item.validTo, i18n.language, t)}`;
          return (
            <li key={item.ref} aria-current={item.isThisEntry ? 'true' : undefined}>
              <Group gap="xs" wrap="wrap">
                {item.isThisEntry ? (
                  <Text size="sm" fw={700} px="xs">
                    {label} <span className="kb-chain-here">({t('web.knowledge.read.this_entry')})</span>
                  </Text>
                ) : (
                  <Button variant="subtle" size="compact-sm" onClick={() => props.onOpen(item.ref)}>
                    {label}
                  </Button>
                )}
                {item.isValidOnDate && (
                  <ToneBadge tone="ok">
                    {t('web.knowledge.read.applies_on', { day: formatDay(props.asOf, i18n.language) })}
                  </ToneBadge>
                )}
              </Group>
            </li>
          );
        })}
      </ol>
    </>
  );
}
