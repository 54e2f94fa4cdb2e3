import { Alert, Button, Group, List, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskOnMap } from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { errorMessage } from '../../app/problems.js';
import { Empty, ErrorState, LoadingState } from '../../app/ui.js';
import { bookDesk, useFloorPlan, workplaceKeys } from './api.js';
import { BookingConfirmation } from './booking-confirmation.js';
import { deskLook, isBookableLook } from './desk-looks.js';
import { DeskTable } from './desk-table.js';
import { FloorPlanDrawing } from './floor-plan.js';
import type { PlanChoice } from './plan-controls.js';
import { PlanLegend } from './plan-legend.js';
import { suggestDesk, suggestionMessage } from './suggest-desk.js';
import { formatDay, nameIn, shortDeskId } from './workplace-format.js';

const K = 'web.workplace';
type View = 'plan' | 'list';

/** One floor for the chosen day and slot, as a plan or a table, and the booking of a free desk. */
export function FloorView(props: { choice: PlanChoice; today: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { choice } = props;
  const queryClient = useQueryClient();
  const plan = useFloorPlan(choice.floorId, choice.date, choice.slot);
  const [view, setView] = useState<View>('plan');
  const [activeDeskId, setActiveDeskId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<DeskOnMap | null>(null);
  const [isBooking, setIsBooking] = useState(false);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const afterPlan = useRef<HTMLHeadingElement>(null);
  const planTitle = useRef<HTMLHeadingElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  if (plan.isPending) return <LoadingState />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const floorPlan = plan.data;
  const shownDesks = floorPlan.desks.filter((desk) =>
    choice.features.every((feature) => desk.features.includes(feature)),
  );
  const deskName = (desk: DeskOnMap) => shortDeskId(desk.id, floorPlan.floor.id);
  const featureList = (desk: DeskOnMap) =>
    desk.features.map((feature) => t(`${K}.features.${feature}`, { defaultValue: feature })).join(', ');
  const deskLabel = (desk: DeskOnMap) =>
    [
      t(`${K}.desk_label`, { desk: deskName(desk), state: t(`${K}.looks.${deskLook(desk)}`) }),
      featureList(desk),
      desk.blockedReason,
    ]
      .filter(Boolean)
      .join('. ');
  const when = t(`${K}.plan_title`, {
    floor: nameIn(floorPlan.floor.name, language),
    date: formatDay(floorPlan.date, language),
    slot: t(`${K}.slots.${floorPlan.slot}`),
  });

  const suggest = () => {
    setRefusal(null);
    const desk = suggestDesk(shownDesks, floorPlan.zones, floorPlan.teamZone);
    if (!desk) {
      setNotice(t(`${K}.no_suggestion`));
      return;
    }
    const zone = floorPlan.zones.find((z) => z.id === desk.zone);
    setNotice(
      t(`${K}.${suggestionMessage(desk, floorPlan.teamZone)}`, {
        desk: deskName(desk),
        zone: zone ? nameIn(zone.name, language) : desk.zone,
      }),
    );
    setActiveDeskId(desk.id);
    // On the plan the suggested desk takes the focus, so Enter books it at once.
    if (view === 'plan') setFocusRequest((n) => n + 1);
  };

  const book = async () => {
    if (!chosen) return;
    setIsBooking(true);
    setNotice(null);
    setRefusal(null);
    try {
      await bookDesk({ desk: chosen.id, date: floorPlan.date, slot: floorPlan.slot });
      setNotice(t(`${K}.booked_notice`, { desk: deskName(chosen), when }));
    } catch (error) {
      // A 409 names the rule in the reader's language: too close to which desk, zone full…
      setRefusal(error);
    } finally {
      setIsBooking(false);
      setChosen(null);
      // Booked or refused, the floor has changed (a colleague may have been quicker): show it as it is.
      await queryClient.invalidateQueries({ queryKey: workplaceKeys.all });
      // In the list the Book button just pressed is gone with the desk it booked: the focus goes to
      // the list's title rather than to nowhere. On the plan it stays on the desk.
      if (view === 'list') planTitle.current?.focus();
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} fz="h3" id="wp-plan-title" ref={planTitle} tabIndex={-1}>
          {when}
        </Title>
        <Group gap="sm" wrap="wrap">
          <Button variant="light" onClick={suggest}>
            {t(`${K}.suggest`)}
          </Button>
          <SegmentedControl
            aria-label={t(`${K}.view`)}
            value={view}
            onChange={(value) => setView(value as View)}
            data={[
              { value: 'plan', label: t(`${K}.view_plan`) },
              { value: 'list', label: t(`${K}.view_list`) },
            ]}
          />
        </Group>
      </Group>
      <div role="status" aria-live="polite" className="wp-live">
        {notice && <Alert color="teal">{notice}</Alert>}
      </div>
      {refusal !== null && (
        <Alert color="red" role="alert" title={t(`${K}.refused_title`)}>
          {errorMessage(refusal)}
        </Alert>
      )}
      {shownDesks.length === 0 ? (
        <Empty title={t(`${K}.no_desk_matches`)} />
      ) : view === 'plan' ? (
        <>
          <Text size="sm" id="wp-plan-help">
            {t(`${K}.keyboard_help`)}
          </Text>
          <div className="wp-plan-frame">
            <FloorPlanDrawing
              plan={floorPlan}
              shownDesks={shownDesks}
              activeDeskId={activeDeskId}
              onActiveChange={setActiveDeskId}
              onChoose={(desk) => {
                setRefusal(null);
                if (isBookableLook(deskLook(desk))) setChosen(desk);
                // Only a free desk can be booked: say why this one cannot, rather than do nothing.
                else
                  setNotice(
                    t(`${K}.not_bookable`, {
                      desk: deskName(desk),
                      state: t(`${K}.looks.${deskLook(desk)}`),
                    }),
                  );
              }}
              onLeave={() => afterPlan.current?.focus()}
              deskLabel={deskLabel}
              labelledBy="wp-plan-title"
              describedBy="wp-plan-help"
              focusRequest={focusRequest}
            />
          </div>
          <PlanLegend />
        </>
      ) : (
        <DeskTable
          plan={floorPlan}
          shownDesks={shownDesks}
          isBooking={isBooking}
          onChoose={setChosen}
          featureList={featureList}
        />
      )}
      <section aria-labelledby="wp-zones">
        <Title order={3} fz="h4" id="wp-zones" ref={afterPlan} tabIndex={-1}>
          {t(`${K}.zones`)}
        </Title>
        <List size="sm" mt="xs">
          {floorPlan.zones.map((zone) => (
            <List.Item key={zone.id}>
              {t(`${K}.zone_occupancy`, {
                zone: nameIn(zone.name, language),
                booked: zone.booked,
                capacity: zone.capacity,
              })}
              {/* A capacity the facility managers set for this zone, not the site's rule. */}
              {zone.ownCapacity && t(`${K}.own_capacity`)}
            </List.Item>
          ))}
        </List>
      </section>
      <BookingConfirmation
        desk={chosen}
        deskName={chosen ? deskName(chosen) : ''}
        date={floorPlan.date}
        slot={floorPlan.slot}
        isBooking={isBooking}
        onConfirm={() => void book()}
        onClose={() => setChosen(null)}
      />
    </Stack>
  );
}
