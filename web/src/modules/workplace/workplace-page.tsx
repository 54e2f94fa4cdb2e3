import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Booking } from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { errorMessage } from '../../app/problems.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { cancelBooking, useSites, workplaceKeys } from './api.js';
import { brusselsToday, nextBookableDay } from './bookable-days.js';
import { CalendarLink } from './calendar-link.js';
import { FloorView } from './floor-view.js';
import { MyBookings } from './my-bookings.js';
import { type PlanChoice, PlanControls } from './plan-controls.js';
import { formatDay } from './workplace-format.js';
import './workplace.css';

const K = 'web.workplace';

/**
 * Book a desk: a floor's plan for a day and slot, where free desks are booked by click or keyboard
 * (or from the same desks as a table), and the reader's own bookings with Cancel underneath.
 */
export function WorkplacePage() {
  const { t } = useTranslation();
  const sites = useSites();
  const [choice, setChoice] = useState<Partial<PlanChoice>>({});
  const today = brusselsToday();

  const header = <PageHeader title={t(`${K}.title`)} description={t(`${K}.intro`)} />;
  if (sites.isPending)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  if (sites.isError)
    return (
      <>
        {header}
        <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />
      </>
    );
  const site = sites.data.items.find((s) => s.id === choice.siteId) ?? sites.data.items[0];
  const floor = site?.floors.find((f) => f.id === choice.floorId) ?? site?.floors[0];
  if (!site || !floor)
    return (
      <>
        {header}
        <Empty title={t(`${K}.no_sites`)} />
      </>
    );
  const slot = site.rules.isWholeDaysOnly ? 'day' : (choice.slot ?? 'day');
  const current: PlanChoice = {
    siteId: site.id,
    floorId: floor.id,
    date: choice.date ?? nextBookableDay(today, site.rules.closingDays, site.rules.horizonDays),
    slot,
    features: choice.features ?? [],
  };
  return (
    <>
      {header}
      <PlanControls
        sites={sites.data.items}
        site={site}
        choice={current}
        today={today}
        onChange={(change) =>
          // Another site has other floors: its first floor, not a floor id it does not know.
          setChoice((before) => ({ ...before, ...change, ...(change.siteId && { floorId: undefined }) }))
        }
      />
      <FloorView choice={current} today={today} />
      <CancellableBookings />
    </>
  );
}

/** My bookings, and what cancelling one did, said in words. */
function CancellableBookings() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<ReactNode>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [isCancelling, setIsCancelling] = useState(false);
  const onCancel = async (booking: Booking) => {
    setIsCancelling(true);
    setNotice(null);
    setFailure(null);
    try {
      await cancelBooking(booking.id);
      setNotice(
        t(`${K}.cancelled_notice`, {
          desk: booking.desk,
          date: formatDay(booking.date, i18n.language as Language),
        }),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setIsCancelling(false);
      // The desk is free again on the map, and the list loses the booking.
      await queryClient.invalidateQueries({ queryKey: workplaceKeys.all });
    }
  };
  return (
    <>
      <MyBookings isCancelling={isCancelling} onCancel={(booking) => void onCancel(booking)} />
      <CalendarLink />
      <div aria-live="polite" role="status" className="wp-live">
        {notice && (
          <Alert color="teal" mt="sm">
            {notice}
          </Alert>
        )}
      </div>
      {failure !== null && (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(failure)}
        </Alert>
      )}
    </>
  );
}
