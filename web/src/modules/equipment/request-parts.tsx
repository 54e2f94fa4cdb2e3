import { Badge, Group, List, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EquipmentRequest, RequestStep } from '../../../../src/modules/equipment/contract.js';

// What the request screens share: a request's steps in words, its status badge, amounts in euros,
// and a file read as base64 for the receipt upload.

export const K = 'web.equipment';

/** The steps of a request, in order, each said done, current, to come or where it stopped. */
export function RequestSteps(props: { steps: readonly RequestStep[] }) {
  const { t } = useTranslation();
  const mark = { done: '✓', current: '●', todo: '○', stopped: '✕' } as const;
  const colour = { done: 'teal', current: 'blue', todo: 'gray', stopped: 'red' } as const;
  return (
    <List
      type="ordered"
      listStyleType="none"
      spacing={2}
      size="sm"
      aria-label={t(`${K}.steps_label`)}
      styles={{ itemWrapper: { alignItems: 'center' } }}
    >
      {props.steps.map((step) => (
        <List.Item
          key={step.status}
          icon={
            <ThemeIcon size={18} radius="xl" color={colour[step.state]} variant="light" aria-hidden>
              {mark[step.state]}
            </ThemeIcon>
          }
        >
          <Text
            size="sm"
            fw={step.state === 'current' ? 700 : 400}
            c={step.state === 'todo' ? 'gray.7' : undefined}
          >
            {t(`equipment.status.${step.status}`)}
            <span className="sr-only"> — {t(`${K}.step_state.${step.state}`)}</span>
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

const INK = { red: '#a51d1d', orange: '#8a3a00', blue: '#1864ab', teal: '#0b5a44' } as const;

export function StatusOf(props: { request: Pick<EquipmentRequest, 'status'> }) {
  const { t } = useTranslation();
  const { status } = props.request;
  const color =
    status === 'refused' || status === 'cancelled'
      ? 'red'
      : status === 'awaiting_approval'
        ? 'orange'
        : status === 'open'
          ? 'blue'
          : 'teal';
  return (
    // Mantine's light-variant text is too pale on its tint: these reach AA contrast (4.5:1) and more.
    <Badge variant="light" color={color} c={INK[color]} styles={{ label: { overflow: 'visible' } }}>
      {t(`equipment.status.${status}`)}
    </Badge>
  );
}

/** What a request is, in words: the type, and the amount of a contribution. */
export function RequestWhat(props: { request: EquipmentRequest }) {
  const { t, i18n } = useTranslation();
  const { request } = props;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={500}>
        {t(`equipment.type.${request.type}`)}
      </Text>
      {request.kind === 'contribution' && request.amount !== null && (
        <Text size="sm" c="dimmed">
          ({t('equipment.kind.contribution')} {formatEuros(request.amount, i18n.language)})
        </Text>
      )}
    </Group>
  );
}

export const formatEuros = (cents: number, language: string): string =>
  new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : language === 'en' ? 'en-BE' : 'fr-BE', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);

/** "12,50" or "12.50" euros as cents; null when it is not an amount. */
export function centsOf(text: string): number | null {
  const clean = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

/** A chosen file as base64, for a JSON body. */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
