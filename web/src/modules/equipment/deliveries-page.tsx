import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.js';
import { PageHeader } from '../../app/ui.js';
import { BatchesSection } from './delivery-batches-section.js';
import { ReadySection } from './delivery-ready-section.js';
import { DeliveryReportSection } from './delivery-report-section.js';
import { ReturnFormSection } from './return-form-section.js';

/**
 * ICT's deliveries: the reserved units ready to ship, per person, each person's batch made in one
 * form; every batch with its next step (ship or hand over, signed for, brought back); units a person
 * gives back, with their receipt; and the units shipped per week or month, as a chart and a table.
 */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader
        title={t('web.areas.eqDeliveries.title')}
        description={t('web.equipment.deliveries.intro')}
      />
      <Stack gap="lg">
        <ReadySection />
        <BatchesSection />
        <ReturnFormSection />
        {me.abilities.includes('equipment.reports') && <DeliveryReportSection />}
      </Stack>
    </>
  );
}
