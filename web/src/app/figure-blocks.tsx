import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure a manager reads first ("43 385 calls"), large, with what it counts above it. */
export function KeyFigure(props: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fz="xl" fw={700}>
        {props.value}
      </Text>
      {props.hint && (
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      )}
    </Paper>
  );
}

/**
 * A chart with its title, its download and the same figures as a table below it, for those who
 * read rather than look (and for screen readers).
 */
export function ChartWithTable(props: {
  id: string;
  title: string;
  download?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  height?: number;
}) {
  return (
    <Paper withBorder p="md" mb="md" component="figure" m={0} aria-labelledby={props.id}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} fz="h4" id={props.id} component="figcaption">
          {props.title}
        </Title>
        {props.download}
      </Group>
      {/* Clipped: a tooltip left where the pointer was must not widen the page. */}
      <div style={{ width: '100%', height: props.height ?? 320, overflow: 'hidden' }}>{props.chart}</div>
      {props.table}
    </Paper>
  );
}
