import {
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  ORIGINS,
  SOCIAL_PLATFORMS,
  SocialLimits,
} from '../../../../../src/modules/inquiries/contract.js';
import { type CallValues, hasIdentification, PHONE_LINES, type RequesterKey } from '../call-values.js';
import { Keys } from '../inquiry-labels.js';
import { ariaShortcut, SHORTCUTS } from '../shortcuts.js';
import type { NewCall } from './use-new-call.js';

/** How the call came in: the caller's language, the channel, and on whose behalf they ask. */
export function CallerFields(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { values, set } = props.call;
  const { byField } = props.call.submission;
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="call-language-label">
          {t('web.inquiries.fields.language')} <Keys shortcut={SHORTCUTS.language} />
        </Text>
        <SegmentedControl
          aria-labelledby="call-language-label"
          value={values.language}
          onChange={(value) => set('language', value as CallValues['language'])}
          data={[
            { value: 'fr', label: <span lang="fr">{t('web.knowledge.languages.fr')}</span> },
            { value: 'nl', label: <span lang="nl">{t('web.knowledge.languages.nl')}</span> },
          ]}
        />
      </Stack>
      <NativeSelect
        name="channel"
        label={t('web.inquiries.fields.channel')}
        value={values.channel}
        onChange={(event) => set('channel', event.currentTarget.value as CallValues['channel'])}
        error={byField.channel}
        // A fund's channel is for its own users (the partner portal).
        data={CHANNELS.filter((c) => c !== 'partner').map((c) => ({
          value: c,
          label: t(`web.inquiries.channels.${c}`),
        }))}
        w={150}
      />
      <NativeSelect
        name="origin"
        label={t('web.inquiries.fields.origin')}
        value={values.origin}
        onChange={(event) => set('origin', event.currentTarget.value as CallValues['origin'])}
        error={byField.origin}
        data={ORIGINS.map((o) => ({ value: o, label: t(`web.inquiries.origins.${o}`) }))}
        w={230}
      />
      {values.channel === 'phone' && (
        <NativeSelect
          name="line"
          label={t('web.inquiries.fields.line')}
          description={t('web.inquiries.new_call.line_help')}
          value={values.line}
          onChange={(event) => set('line', event.currentTarget.value)}
          error={byField.line}
          data={[
            { value: '', label: t('web.inquiries.new_call.line_none') },
            ...PHONE_LINES.map((line) => ({ value: String(line), label: String(line) })),
          ]}
          w={150}
        />
      )}
      {values.channel === 'social' && <SocialFields call={props.call} />}
    </Group>
  );
}

/**
 * A private message on a social network: which network, and the sender's name there (required, to
 * find the conversation again and paste the answer back).
 */
function SocialFields(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { values, set, handleRef } = props.call;
  const { byField } = props.call.submission;
  return (
    <>
      <NativeSelect
        name="social.platform"
        label={t('web.inquiries.fields.social_platform')}
        value={values.social_platform}
        onChange={(event) =>
          set('social_platform', event.currentTarget.value as CallValues['social_platform'])
        }
        error={byField['social.platform']}
        data={SOCIAL_PLATFORMS.map((p) => ({ value: p, label: t(`web.inquiries.social_platforms.${p}`) }))}
        w={170}
      />
      <TextInput
        ref={handleRef}
        name="social.handle"
        label={t('web.inquiries.fields.social_handle')}
        description={t('web.inquiries.new_call.social_handle_help')}
        value={values.social_handle}
        onChange={(event) => set('social_handle', event.currentTarget.value)}
        error={byField['social.handle'] ?? byField.social}
        maxLength={SocialLimits.handleMax}
        autoComplete="off"
        required
        w={260}
      />
    </>
  );
}

/** Who is calling, all optional: folded away until asked for, or until the server finds fault in it. */
export function CallerIdentification(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { values, set, isIdentificationOpen } = props.call;
  const { byField } = props.call.submission;
  const text = (key: RequesterKey) => ({
    name: `requester.${key}`,
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
    error: byField[`requester.${key}`],
    autoComplete: 'off',
  });
  return (
    <div>
      <Button
        variant="subtle"
        px={0}
        onClick={props.call.toggleIdentification}
        aria-expanded={isIdentificationOpen}
        aria-controls="call-identification"
        aria-keyshortcuts={ariaShortcut(SHORTCUTS.identification)}
        rightSection={<Keys shortcut={SHORTCUTS.identification} />}
      >
        {t(
          hasIdentification(values)
            ? 'web.inquiries.new_call.identification_filled'
            : 'web.inquiries.new_call.identification',
        )}
      </Button>
      <div id="call-identification">
        {isIdentificationOpen && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
            <TextInput ref={props.call.nameRef} label={t('web.inquiries.fields.name')} {...text('name')} />
            <TextInput
              label={t('web.inquiries.fields.niss')}
              description={t('web.inquiries.new_call.niss_help')}
              inputMode="numeric"
              {...text('niss')}
            />
            <TextInput
              label={t('web.inquiries.fields.enterprise_number')}
              description={t('web.inquiries.new_call.enterprise_help')}
              inputMode="numeric"
              {...text('enterprise_number')}
            />
            <TextInput label={t('web.inquiries.fields.phone')} type="tel" {...text('phone')} />
            <TextInput label={t('web.inquiries.fields.email')} type="email" {...text('email')} />
          </SimpleGrid>
        )}
      </div>
    </div>
  );
}
