import { Alert, Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dayName, shiftWeek } from './presence-form.js';

const K = 'web.telework.presence';

/** "Week 50, from Monday … to Friday …" with the previous and next week (own, team and report weeks). */
export function WeekHeading(props: {
  week: string;
  monday: string;
  days: readonly { date: string }[];
  onGoTo: (monday: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Group justify="space-between" wrap="wrap">
      <Title order={2} fz="h3">
        {t(`${K}.week_title`, {
          week: props.week,
          from: dayName(props.days[0]!.date, i18n.language),
          to: dayName(props.days.at(-1)!.date, i18n.language),
        })}
      </Title>
      <Group gap="xs">
        <Button variant="default" onClick={() => props.onGoTo(shiftWeek(props.monday, -1))}>
          {t(`${K}.previous_week`)}
        </Button>
        <Button variant="default" onClick={() => props.onGoTo(shiftWeek(props.monday, 1))}>
          {t(`${K}.next_week`)}
        </Button>
      </Group>
    </Group>
  );
}

/** A week's warnings as a list, or the sentence saying there are none (own and report weeks). */
export function WeekWarnings(props: {
  id: string;
  warnings: readonly { code: string; date: string | null; message: string }[];
  none: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={props.id}>
      <Title order={2} fz="h4" id={props.id}>
        {t(`${K}.warnings_title`)}
      </Title>
      {props.warnings.length === 0 ? (
        <Text size="sm">{props.none}</Text>
      ) : (
        <Alert color="orange" variant="outline" mt="xs">
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
            {props.warnings.map((w) => (
              <li key={`${w.code}-${w.date ?? ''}`}>
                <Text size="sm">{w.message}</Text>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}
