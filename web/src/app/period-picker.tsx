import { Alert, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from './api.js';
import { formatPeriod } from './format.js';
import { withParam } from './url-params.js';

const K = 'web.period';

/** A period of days, both included: what a figures screen shows. */
export type Period = { from: string; to: string };

/** One click to a period people ask for often ("this month", "2020"); the one shown is marked pressed. */
export type QuickPeriod = Period & { label: string };

/**
 * The period a figures screen shows lives in the address (`?from=&to=`), so a reload or a shared
 * link shows the same figures; absent, the server chooses its default and says which it chose.
 */
export function usePeriodParams(): { from: string | null; to: string | null } {
  const [params] = useSearchParams();
  return { from: params.get('from'), to: params.get('to') };
}

/**
 * The period fields of a figures screen: from and to, quick choices, the period actually shown
 * (the server's default when none was chosen) and the server's refusal next to the field it names.
 */
export function PeriodPicker(props: {
  /** The period the figures on screen cover, once they arrived. */
  shown: Period | undefined;
  /** The figures' request error: a 400 names `from` or `to`. */
  error: unknown;
  quick?: readonly QuickPeriod[];
  help?: string;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState({ from: params.get('from') ?? '', to: params.get('to') ?? '' });
  const shownFrom = props.shown?.from;
  const shownTo = props.shown?.to;
  // Without a chosen period the fields say which days the server's default covers.
  useEffect(() => {
    if (!shownFrom || !shownTo) return;
    setDraft((current) => (current.from || current.to ? current : { from: shownFrom, to: shownTo }));
  }, [shownFrom, shownTo]);
  const problem = props.error instanceof ApiError && props.error.status === 400 ? props.error : null;
  const fieldError = (name: string) => problem?.fieldErrors.find((e) => e.field === name)?.message;

  const show = (period: { from: string; to: string }) => {
    const next = withParam('from', period.from || null);
    if (period.to) next.set('to', period.to);
    else next.delete('to');
    setParams(next, { replace: true });
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    show(draft);
  };
  const field = (name: 'from' | 'to') => (
    <TextInput
      label={t(`${K}.${name}`)}
      type="date"
      w={170}
      name={name}
      value={draft[name]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setDraft((d) => ({ ...d, [name]: value }));
      }}
      error={fieldError(name)}
    />
  );

  return (
    <>
      <Paper withBorder p="md" mb="md" component="search" aria-label={t(`${K}.label`)}>
        <form onSubmit={apply} noValidate>
          <Group align="flex-end" wrap="wrap">
            {field('from')}
            {field('to')}
            <Button type="submit">{t(`${K}.show`)}</Button>
            {props.quick && (
              <Group gap="xs" role="group" aria-label={t(`${K}.quick`)}>
                {props.quick.map((choice) => {
                  const isShown = props.shown?.from === choice.from && props.shown?.to === choice.to;
                  return (
                    <Button
                      key={choice.label}
                      size="xs"
                      variant={isShown ? 'filled' : 'default'}
                      aria-pressed={isShown}
                      onClick={() => {
                        setDraft({ from: choice.from, to: choice.to });
                        show(choice);
                      }}
                    >
                      {choice.label}
                    </Button>
                  );
                })}
              </Group>
            )}
          </Group>
          {props.shown && (
            <Text size="sm" fw={500} mt="xs" data-period>
              {t(`${K}.shown`, { period: formatPeriod(props.shown.from, props.shown.to) })}
            </Text>
          )}
          {props.help && (
            <Text size="sm" c="dimmed" mt={4}>
              {props.help}
            </Text>
          )}
        </form>
      </Paper>
      {problem && !fieldError('from') && !fieldError('to') && (
        <Alert color="red" role="alert" mb="md">
          {problem.message}
        </Alert>
      )}
    </>
  );
}
