import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DESK_LOOKS } from './desk-looks.js';
import { DeskPatterns, DeskSymbol } from './desk-symbol.js';

/** What each symbol of the plan means: the same shapes, fills and colours, each named in words. */
export function PlanLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" component="ul" className="wp-legend" aria-label={t('web.workplace.legend')}>
      {DESK_LOOKS.map((look) => (
        <Group key={look} gap={6} component="li" wrap="nowrap">
          <svg viewBox="-0.7 -0.7 1.4 1.4" width="20" height="20" aria-hidden="true">
            <defs>
              <DeskPatterns />
            </defs>
            <DeskSymbol look={look} x={0} y={0} />
          </svg>
          <Text size="sm">{t(`web.workplace.looks.${look}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
