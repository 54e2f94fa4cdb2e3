import { Button, Paper, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeskOnMap, FloorPlan } from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { deskLook, isBookableLook } from './desk-looks.js';
import { nameIn, shortDeskId } from './workplace-format.js';

const K = 'web.workplace';

/** The plan as a table, for screen readers and small screens: each desk, its state and a Book button. */
export function DeskTable(props: {
  plan: FloorPlan;
  shownDesks: readonly DeskOnMap[];
  isBooking: boolean;
  onChoose: (desk: DeskOnMap) => void;
  featureList: (desk: DeskOnMap) => string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const zoneNames = new Map(props.plan.zones.map((zone) => [zone.id, nameIn(zone.name, language)]));
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" striped captionSide="top" className="data-table">
          <Table.Caption>
            {t(`${K}.table_caption`, {
              floor: nameIn(props.plan.floor.name, language),
              count: props.shownDesks.length,
            })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`${K}.columns.desk`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.columns.zone`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.columns.state`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.columns.features`)}</Table.Th>
              <Table.Th scope="col">
                <span className="sr-only">{t('web.common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.shownDesks.map((desk) => {
              const look = deskLook(desk);
              const name = shortDeskId(desk.id, props.plan.floor.id);
              return (
                <Table.Tr key={desk.id} data-desk={desk.id} data-look={look}>
                  <Table.Th scope="row">{name}</Table.Th>
                  <Table.Td>{zoneNames.get(desk.zone) ?? desk.zone}</Table.Td>
                  <Table.Td>
                    {t(`${K}.looks.${look}`)}
                    {desk.blockedReason ? ` (${desk.blockedReason})` : ''}
                  </Table.Td>
                  <Table.Td>{props.featureList(desk) || '—'}</Table.Td>
                  <Table.Td>
                    {isBookableLook(look) && (
                      <Button
                        size="xs"
                        variant="light"
                        disabled={props.isBooking}
                        aria-label={t(`${K}.book_desk`, { desk: name })}
                        onClick={() => props.onChoose(desk)}
                      >
                        {t(`${K}.book`)}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
