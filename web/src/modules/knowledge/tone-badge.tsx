import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Light badges whose text is dark enough to read on their tint (AA, ≥ 4.5:1 at badge size):
 * Mantine's own light and outline variants give 3.6–4.3:1 in orange. Each tone comes with words,
 * never colour alone. Always a <span>, so it may sit in a legend or a sentence.
 */
const TONES = {
  ok: { color: 'teal', c: '#0b5a44' },
  warn: { color: 'orange', c: '#7a3100' },
  danger: { color: 'red', c: '#8f1d1d' },
  muted: { color: 'gray', c: 'gray.9' },
  info: { color: 'relais', c: 'relais.9' },
} as const;

export type Tone = keyof typeof TONES;

export function ToneBadge(
  props: { tone: Tone; children: ReactNode } & Omit<BadgeProps, 'color' | 'c' | 'variant'> & { id?: string },
) {
  const { tone, children, ...rest } = props;
  return (
    <Badge component="span" variant="light" size="sm" {...TONES[tone]} {...rest}>
      {children}
    </Badge>
  );
}
