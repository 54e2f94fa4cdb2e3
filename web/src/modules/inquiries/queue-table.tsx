import { Button, Checkbox, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InquirySummaryView } from './backoffice-api.js';
import { excerpt, TIMER_NAMES } from './backoffice-format.js';
import { ClaimButton } from './expert-actions.js';
import { DeadlineBadge } from './inquiry-deadlines.js';
import { InquiryStatusBadge, teamName } from './inquiry-labels.js';
import './backoffice.css';

const K = 'web.inquiries.backoffice.table';

const isOverdue = (item: InquirySummaryView) =>
  TIMER_NAMES.some((name) => item.deadlines?.[name].state === 'overdue');

/** A row a fund just answered stands out first (something new to act on), an overdue one next. */
const rowClass = (item: InquirySummaryView) =>
  item.partner_answered_at ? 'inq-row-fund-answered' : isOverdue(item) ? 'inq-row-overdue' : undefined;

/**
 * A queue of inquiries: reference (opens the side panel), question, status, who has it, the most
 * urgent deadline, and "take it". With `selection`, rows get checkboxes for a bulk reassignment.
 */
export function QueueTable(props: {
  items: InquirySummaryView[];
  caption: string;
  isBusy: boolean;
  showTeam?: boolean;
  openRef: string | null;
  onOpen: (ref: string) => void;
  selection?: { selected: ReadonlySet<string>; onChange: (refs: ReadonlySet<string>) => void };
}) {
  const { t, i18n } = useTranslation();
  const { selection, items } = props;
  const selectedHere = selection ? items.filter((item) => selection.selected.has(item.ref)).length : 0;
  const toggle = (ref: string, isChecked: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (isChecked) next.add(ref);
    else next.delete(ref);
    selection.onChange(next);
  };
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" striped captionSide="bottom" className="data-table">
          <Table.Caption>{props.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {selection && (
                <Table.Th scope="col" w={40}>
                  <Checkbox
                    aria-label={t(`${K}.select_all`)}
                    checked={items.length > 0 && selectedHere === items.length}
                    indeterminate={selectedHere > 0 && selectedHere < items.length}
                    onChange={(event) => {
                      const next = new Set(selection.selected);
                      for (const item of items) {
                        if (event.currentTarget.checked) next.add(item.ref);
                        else next.delete(item.ref);
                      }
                      selection.onChange(next);
                    }}
                  />
                </Table.Th>
              )}
              <Table.Th scope="col">{t(`${K}.ref`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.question`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.status`)}</Table.Th>
              {props.showTeam && <Table.Th scope="col">{t(`${K}.team`)}</Table.Th>}
              <Table.Th scope="col">{t(`${K}.assignee`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.deadline`)}</Table.Th>
              <Table.Th scope="col">
                <span className="sr-only">{t('web.common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody aria-busy={props.isBusy}>
            {items.map((item) => (
              <Table.Tr
                key={item.ref}
                className={rowClass(item)}
                data-fund-answered={item.partner_answered_at ? 'true' : undefined}
                aria-current={item.ref === props.openRef ? 'true' : undefined}
              >
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t(`${K}.select`, { ref: item.ref })}
                      checked={selection.selected.has(item.ref)}
                      onChange={(event) => toggle(item.ref, event.currentTarget.checked)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    ff="monospace"
                    onClick={() => props.onOpen(item.ref)}
                    aria-label={t(`${K}.open`, { ref: item.ref })}
                    aria-haspopup="dialog"
                  >
                    {item.ref}
                  </Button>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lang={item.language}>
                    {excerpt(item.question)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <InquiryStatusBadge status={item.status} partnerAnsweredAt={item.partner_answered_at} />
                </Table.Td>
                {props.showTeam && (
                  <Table.Td>{item.team ? teamName(item.team, i18n.language) : '—'}</Table.Td>
                )}
                <Table.Td>
                  {item.assignee?.name ?? (
                    <Text span size="sm" c="dimmed">
                      {t('web.inquiries.backoffice.nobody')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <DeadlineBadge deadlines={item.deadlines} />
                </Table.Td>
                <Table.Td ta="right">
                  <ClaimButton inquiry={item} size="compact-sm" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
