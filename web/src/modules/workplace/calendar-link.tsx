import { Alert, Button, Group, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../app/ui.js';
import { createCalendarFeed, revokeCalendarFeed } from './api.js';

const K = 'web.workplace.calendar';

/**
 * A private calendar link of the reader's bookings: asked for (replacing the one they had), shown
 * once (the server keeps only its hash), or revoked.
 */
export function CalendarLink() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setIsBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      setFailure(error);
    } finally {
      setIsBusy(false);
    }
  };
  const create = () =>
    run(async () => {
      setUrl((await createCalendarFeed()).url);
    });
  const revoke = () =>
    run(async () => {
      await revokeCalendarFeed();
      setUrl(null);
      setNotice(t(`${K}.revoked`));
    });
  return (
    <section aria-labelledby="wp-calendar">
      <Title order={2} fz="h3" id="wp-calendar" mt="xl" mb="sm">
        {t(`${K}.title`)}
      </Title>
      <Text size="sm" mb="sm">
        {t(`${K}.intro`)}
      </Text>
      {url && (
        <TextInput
          label={t(`${K}.url`)}
          description={t(`${K}.shown_once`)}
          value={url}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          mb="sm"
        />
      )}
      <Group>
        <Button variant="default" disabled={isBusy} onClick={() => void create()}>
          {t(url ? `${K}.renew` : `${K}.create`)}
        </Button>
        <Button variant="subtle" color="red" disabled={isBusy} onClick={() => void revoke()}>
          {t(`${K}.revoke`)}
        </Button>
      </Group>
      <div aria-live="polite" role="status">
        {notice && (
          <Alert color="teal" mt="sm">
            {notice}
          </Alert>
        )}
      </div>
      {failure !== null && <ErrorState error={failure} />}
    </section>
  );
}
