import { Button, Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Booking } from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { Empty, ErrorState, LoadingState } from '../../app/ui.js';
import { useMyBookings } from './api.js';
import { formatDay } from './workplace-format.js';

const K = 'web.workplace';

// A booking still holds a desk while booked or checked in; released and cancelled ones are history.
const isCancellable = (booking: Booking) => booking.status === 'booked' || booking.status === 'checked_in';

/** The reader's bookings from today on, each with Cancel while it still holds a desk. */
export function MyBookings(props: { isCancelling: boolean; onCancel: (booking: Booking) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const bookings = useMyBookings();
  return (
    <section aria-labelledby="wp-my-bookings">
      <Title order={2} fz="h3" id="wp-my-bookings" mt="xl" mb="sm">
        {t(`${K}.my_bookings`)}
      </Title>
      {bookings.isPending ? (
        <LoadingState />
      ) : bookings.isError ? (
        <ErrorState error={bookings.error} onRetry={() => void bookings.refetch()} />
      ) : bookings.data.items.length === 0 ? (
        <Empty title={t(`${K}.no_bookings`)} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" striped className="data-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`${K}.columns.date`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.columns.slot`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.columns.desk`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.columns.status`)}</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('web.common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bookings.data.items.map((booking) => (
                  <Table.Tr key={booking.id} data-booking={booking.id}>
                    <Table.Td>{formatDay(booking.date, language)}</Table.Td>
                    <Table.Td>{t(`${K}.slots.${booking.slot}`)}</Table.Td>
                    <Table.Td>{booking.desk}</Table.Td>
                    <Table.Td>
                      {booking.status === 'booked'
                        ? t(`${K}.booked_check_in_by`, { time: booking.checkInBy })
                        : t(`${K}.statuses.${booking.status}`)}
                    </Table.Td>
                    <Table.Td>
                      {isCancellable(booking) && (
                        <Button
                          size="xs"
                          variant="default"
                          disabled={props.isCancelling}
                          aria-label={t(`${K}.cancel_booking`, {
                            desk: booking.desk,
                            date: formatDay(booking.date, language),
                          })}
                          onClick={() => props.onCancel(booking)}
                        >
                          {t(`${K}.cancel`)}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </section>
  );
}
