import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DeskCheckIn } from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { errorMessage } from '../../app/problems.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { checkInAtDesk, useDeskCheckIn, workplaceKeys } from './api.js';
import { formatDay, formatTimeOfDay, isPastClockTime, nameIn } from './workplace-format.js';
import './workplace.css';

const K = 'web.workplace.check_in';

/**
 * What a desk's QR code opens, on the phone of whoever sits down: the desk, the reader's booking of
 * it today and one big "Check in" button; or, in words, why there is nothing to check in.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const { desk = '' } = useParams();
  const view = useDeskCheckIn(desk);
  const header = <PageHeader title={t(`${K}.title`)} description={t(`${K}.intro`)} />;
  return (
    <>
      {header}
      {view.isPending ? (
        <LoadingState />
      ) : view.isError ? (
        <ErrorState error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <CheckInPanel view={view.data} />
      )}
    </>
  );
}

function CheckInPanel(props: { view: DeskCheckIn }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const { view } = props;
  const [isSending, setIsSending] = useState(false);
  const [hasJustCheckedIn, setHasJustCheckedIn] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const onCheckIn = async () => {
    setIsSending(true);
    setFailure(null);
    try {
      await checkInAtDesk(view.desk);
      setHasJustCheckedIn(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setIsSending(false);
      // The page, the floor map and "My bookings" all show the new status.
      await queryClient.invalidateQueries({ queryKey: workplaceKeys.all });
    }
  };

  const slot = view.booking ? t(`web.workplace.slots.${view.booking.slot}`) : '';
  const time = view.checkedInAt ? formatTimeOfDay(view.checkedInAt, language) : '';
  const toFloorMap = (
    <Anchor component={Link} to="/workplace">
      {t(`${K}.to_floor_map`)}
    </Anchor>
  );
  return (
    <Stack gap="md" className="wp-check-in">
      <Paper withBorder p="md" component="section" aria-labelledby="wp-check-in-desk">
        <Text size="sm" c="dimmed">
          {t(`${K}.desk`)}
        </Text>
        <Title order={2} id="wp-check-in-desk" className="wp-check-in-desk">
          {view.desk}
        </Title>
        <Text>
          {t(`${K}.where`, {
            zone: nameIn(view.zone.name, language),
            floor: nameIn(view.floor.name, language),
            site: view.site.name,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {formatDay(view.date, language)}
        </Text>
      </Paper>

      <div role="status" aria-live="polite">
        {view.standing === 'checked_in' && (
          <Alert color="teal" title={hasJustCheckedIn ? t(`${K}.done_title`) : t(`${K}.already_title`)}>
            {t(hasJustCheckedIn ? `${K}.done` : `${K}.already`, { desk: view.desk, time, slot })}
          </Alert>
        )}
      </div>

      {view.standing === 'can_check_in' && (
        <Paper withBorder p="md">
          <Text mb="md">
            {t(
              view.deadline && isPastClockTime(view.deadline)
                ? `${K}.your_booking_late`
                : `${K}.your_booking`,
              {
                slot,
                deadline: view.deadline,
              },
            )}
          </Text>
          <Button size="xl" fullWidth loading={isSending} onClick={() => void onCheckIn()}>
            {t(`${K}.button`)}
          </Button>
        </Paper>
      )}
      {view.standing === 'released' && (
        <Alert color="orange" title={t(`${K}.released_title`)}>
          <Text mb="xs">{t(`${K}.released`, { slot, deadline: view.deadline })}</Text>
          {toFloorMap}
        </Alert>
      )}
      {view.standing === 'no_booking' && (
        <Alert color="blue" title={t(`${K}.no_booking_title`)}>
          <Text mb="xs">{t(`${K}.no_booking`, { desk: view.desk })}</Text>
          {toFloorMap}
        </Alert>
      )}
      {failure !== null && (
        <Alert color="red" role="alert">
          {errorMessage(failure)}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t(`${K}.rule`, {
          morning: view.checkInBy.am,
          afternoon: view.checkInBy.pm,
        })}
      </Text>
    </Stack>
  );
}
