import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskOnMap, Slot } from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { Dialog } from '../../app/ui.js';
import { formatDay } from './workplace-format.js';

const K = 'web.workplace';

/**
 * "Book this desk?" before anything is written: on the plan one key press chooses a desk, and a
 * booking counts against the week's office days. Book has the focus, so Enter twice books.
 */
export function BookingConfirmation(props: {
  desk: DeskOnMap | null;
  deskName: string;
  date: string;
  slot: Slot;
  isBooking: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <Dialog opened={props.desk !== null} onClose={props.onClose} title={t(`${K}.confirm_title`)} centered>
      <Stack gap="md">
        <Text>
          {t(`${K}.confirm_text`, {
            desk: props.deskName,
            date: formatDay(props.date, language),
            slot: t(`${K}.slots.${props.slot}`),
          })}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('web.common.cancel')}
          </Button>
          <Button data-autofocus loading={props.isBooking} onClick={props.onConfirm}>
            {t(`${K}.book`)}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
