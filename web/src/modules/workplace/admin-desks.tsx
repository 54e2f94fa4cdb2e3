import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DESK_FEATURES,
  type DeskFeature,
  type DeskOnMap,
  type FloorPlan,
} from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { errorMessage, requiredFieldsError } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { Dialog, Empty, FormErrors } from '../../app/ui.js';
import { changeDesk, workplaceKeys } from './api.js';
import { nameIn, shortDeskId } from './workplace-format.js';

const K = 'web.workplace.admin';
const FIELDS = ['features', 'isBlocked', 'blockedReason'] as const;

const isBlocked = (desk: DeskOnMap) => desk.state === 'blocked';

/** A floor's desks as a table a facility manager filters, each with an Edit button (features, blocked). */
export function AdminDesks(props: { plan: FloorPlan }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [filter, setFilter] = useState('');
  const [isBlockedOnly, setIsBlockedOnly] = useState(false);
  const [editing, setEditing] = useState<DeskOnMap | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { plan } = props;
  const zoneNames = new Map(plan.zones.map((zone) => [zone.id, nameIn(zone.name, language)]));
  const name = (desk: DeskOnMap) => shortDeskId(desk.id, plan.floor.id);
  const needle = filter.trim().toLowerCase();
  const shown = plan.desks.filter(
    (desk) =>
      (!isBlockedOnly || isBlocked(desk)) &&
      (needle === '' ||
        desk.id.toLowerCase().includes(needle) ||
        (zoneNames.get(desk.zone) ?? '').toLowerCase().includes(needle)),
  );
  const featureList = (desk: DeskOnMap) =>
    desk.features.map((feature) => t(`web.workplace.features.${feature}`)).join(', ');

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t(`${K}.filter`)}
          description={t(`${K}.filter_help`)}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          w={260}
        />
        <Checkbox
          label={t(`${K}.blocked_only`)}
          checked={isBlockedOnly}
          onChange={(event) => setIsBlockedOnly(event.currentTarget.checked)}
          mb={6}
        />
      </Group>
      <div role="status" aria-live="polite" className="wp-live">
        {notice && <Alert color="teal">{notice}</Alert>}
      </div>
      {shown.length === 0 ? (
        <Empty title={t(`${K}.no_desk_matches`)} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" striped captionSide="top" className="data-table">
              <Table.Caption>
                {t(`${K}.desks_caption`, { count: shown.length, floor: nameIn(plan.floor.name, language) })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`${K}.columns.desk`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.columns.zone`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.columns.features`)}</Table.Th>
                  <Table.Th scope="col">{t(`${K}.columns.state`)}</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('web.common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((desk) => (
                  <Table.Tr key={desk.id} data-desk={desk.id}>
                    <Table.Th scope="row">{name(desk)}</Table.Th>
                    <Table.Td>{zoneNames.get(desk.zone) ?? desk.zone}</Table.Td>
                    <Table.Td>{featureList(desk) || '—'}</Table.Td>
                    <Table.Td>
                      {isBlocked(desk)
                        ? desk.blockedReason
                          ? t(`${K}.blocked_because`, { reason: desk.blockedReason })
                          : t(`${K}.blocked`)
                        : t(`${K}.bookable`)}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t(`${K}.edit_desk`, { desk: name(desk) })}
                        onClick={() => {
                          setNotice(null);
                          setEditing(desk);
                        }}
                      >
                        {t(`${K}.edit`)}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t(`${K}.desk_dialog`, { desk: name(editing) }) : ''}
      >
        {editing && (
          <DeskForm
            desk={editing}
            onSaved={() => {
              setNotice(t(`${K}.desk_saved`, { desk: name(editing) }));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </Stack>
  );
}

/** A desk's features and whether it is blocked, with the reason colleagues read on the map. */
function DeskForm(props: { desk: DeskOnMap; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [features, setFeatures] = useState<string[]>(props.desk.features);
  const [blocked, setBlocked] = useState(isBlocked(props.desk));
  const [reason, setReason] = useState(props.desk.blockedReason ?? '');
  const submission = useSubmission({ fields: FIELDS });
  const { error, byField, others } = submission;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A blocked desk says why: colleagues read it on the map.
    if (blocked && reason.trim() === '') {
      submission.fail(requiredFieldsError(['blockedReason']));
      return;
    }
    void submission.run(async () => {
      await changeDesk(props.desk.id, {
        features: features as DeskFeature[],
        isBlocked: blocked,
        ...(blocked && { blockedReason: reason.trim() }),
      });
      await queryClient.invalidateQueries({ queryKey: workplaceKeys.all });
      props.onSaved();
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        <Checkbox.Group
          label={t(`${K}.features`)}
          description={t(`${K}.features_help`)}
          value={features}
          onChange={setFeatures}
          error={byField.features}
        >
          <Stack gap={6} mt="xs">
            {DESK_FEATURES.map((feature) => (
              <Checkbox key={feature} value={feature} label={t(`web.workplace.features.${feature}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Switch
          label={t(`${K}.is_blocked`)}
          checked={blocked}
          onChange={(event) => setBlocked(event.currentTarget.checked)}
          error={byField.isBlocked}
        />
        {blocked && (
          <Textarea
            label={t(`${K}.reason`)}
            description={t(`${K}.reason_help`)}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={byField.blockedReason}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t('web.common.cancel')}
          </Button>
          <Button type="submit" loading={submission.isPending}>
            {t(`${K}.save`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
