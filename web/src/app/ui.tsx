import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Modal,
  type ModalProps,
  Pagination,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './problems.js';

/** Sets the browser tab's title: screen-reader users hear it first when a page opens. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Relais` : 'Relais';
  }, [title]);
}

/** The top of every page: its one <h1>, a sentence of help, and the page's main actions. */
export function PageHeader(props: { title: string; description?: ReactNode; actions?: ReactNode }) {
  usePageTitle(props.title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
      <Box maw={760}>
        <Title order={1} fz="h2">
          {props.title}
        </Title>
        {props.description && (
          <Text c="dimmed" mt={4}>
            {props.description}
          </Text>
        )}
      </Box>
      {props.actions && <Group gap="sm">{props.actions}</Group>}
    </Group>
  );
}

export function LoadingState(props: { label?: string }) {
  const { t } = useTranslation();
  const label = props.label ?? t('web.common.loading');
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState(props: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('web.errors.load_failed')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(props.error)}</Text>
        {props.onRetry && (
          <Button size="xs" variant="default" onClick={props.onRetry}>
            {t('web.common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function Empty(props: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState py="xl" size="sm" title={props.title} description={props.description}>
      {props.action && <EmptyState.Actions>{props.action}</EmptyState.Actions>}
    </EmptyState>
  );
}

/** A form's errors that belong to no visible field, listed so none is lost. */
export function FormErrors(props: { title: string | null; messages: string[] }) {
  if (!props.title && props.messages.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={props.title ?? undefined}>
      {props.messages.length > 0 && (
        <Stack gap={2}>
          {props.messages.map((message) => (
            <Text size="sm" key={message}>
              {message}
            </Text>
          ))}
        </Stack>
      )}
    </Alert>
  );
}

/** Page numbers under a list, labelled in the current language; nothing when all fits on one page. */
export function Pager(props: { page: number; pageCount: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  if (props.pageCount <= 1) return null;
  return (
    <Group justify="center" mt="md" component="nav" aria-label={t('web.common.pagination.label')}>
      <Pagination
        total={props.pageCount}
        value={props.page}
        onChange={props.onChange}
        getControlProps={(control) => ({ 'aria-label': t(`web.common.pagination.${control}`) })}
        getItemProps={(page) => ({
          'aria-label': t('web.common.pagination.page', { page }),
          'aria-current': page === props.page ? 'page' : undefined,
        })}
      />
    </Group>
  );
}

/** Active / disabled, in colours dark enough to read on their tint (AA contrast). */
export function StatusBadge(props: {
  isActive: boolean;
  activeLabel?: string;
  inactiveLabel?: string;
  title?: string;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      size="sm"
      color={props.isActive ? 'teal' : 'gray'}
      // Mantine's light-variant text is too pale on its tint (4.3:1); these reach 7:1.
      c={props.isActive ? '#0b5a44' : 'gray.8'}
      title={props.title}
      // Never cut to "Acti…" in a narrow table column.
      styles={{ label: { overflow: 'visible' } }}
    >
      {props.isActive
        ? (props.activeLabel ?? t('web.common.active'))
        : (props.inactiveLabel ?? t('web.common.inactive'))}
    </Badge>
  );
}

/** A Mantine modal whose close button is named in the current language (an icon alone says nothing). */
export function Dialog(props: ModalProps) {
  const { t } = useTranslation();
  return (
    <Modal {...props} closeButtonProps={{ 'aria-label': t('web.common.close'), ...props.closeButtonProps }} />
  );
}
