import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agreement, AgreementStatus } from '../../../../src/modules/telework/contract.js';
import { daysText, K, periodText } from './agreement-words.js';

/** A status in words; dark text on a light tint, readable whatever the colour (AA contrast). */
export function AgreementStatusBadge(props: { status: AgreementStatus }) {
  const { t } = useTranslation();
  const colour =
    props.status === 'approved'
      ? 'teal'
      : props.status === 'refused' || props.status === 'withdrawn'
        ? 'gray'
        : 'orange';
  return (
    <Badge variant="light" color={colour} c="dark.8" styles={{ label: { overflow: 'visible' } }}>
      {t(`telework.words.status.${props.status}`)}
    </Badge>
  );
}

/**
 * Agreements as a table: status, regime, days and period in words, each opening its detail.
 * `showPerson` for a manager's or HR's list; `isWaiting` marks the rows that wait for the reader.
 */
export function AgreementTable(props: {
  items: readonly Agreement[];
  caption: string;
  showPerson: boolean;
  isWaiting?: (agreement: Agreement) => boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm" className="data-table" captionSide="top">
        <VisuallyHidden component="caption">{props.caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`${K}.column.agreement`)}</Table.Th>
            {props.showPerson && <Table.Th scope="col">{t('telework.words.column.person')}</Table.Th>}
            <Table.Th scope="col">{t('telework.words.column.status')}</Table.Th>
            <Table.Th scope="col">{t(`${K}.column.days`)}</Table.Th>
            <Table.Th scope="col">{t(`${K}.column.period`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((agreement) => {
            const isWaiting = props.isWaiting?.(agreement) ?? false;
            return (
              <Table.Tr key={agreement.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/telework/agreements/${agreement.id}`} fw={500}>
                    {t(`telework.words.regime.${agreement.regime}`)} · {agreement.id}
                  </Anchor>
                </Table.Td>
                {props.showPerson && <Table.Td>{agreement.personName}</Table.Td>}
                <Table.Td>
                  <AgreementStatusBadge status={agreement.status} />
                  {isWaiting && (
                    <Text size="sm" fw={600} mt={4}>
                      {t(`${K}.waiting_for_you`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{daysText(t, agreement)}</Table.Td>
                <Table.Td>{periodText(t, agreement.startDate, agreement.endDate)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
