import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { areasFor } from './areas.js';
import { useCurrentUser } from './session.js';
import { Empty, PageHeader } from './ui.js';

/** What this person can do here: one card per area their roles open, with a line of help. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const areas = areasFor(me.abilities, me.roles);

  return (
    <>
      <PageHeader title={t('web.home.title', { name: me.name })} description={t('web.home.intro')} />
      <Group gap="xs" mb="lg">
        <Text size="sm" fw={600} id="your-roles">
          {t('web.home.your_roles')}
        </Text>
        <Group gap="xs" role="list" aria-labelledby="your-roles">
          {me.roles.map((role) => (
            <Badge key={role} variant="light" role="listitem">
              {t(`web.roles.names.${role}`)}
            </Badge>
          ))}
        </Group>
      </Group>
      {areas.length === 0 ? (
        <Empty title={t('web.home.nothing_title')} description={t('web.home.nothing_text')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {areas.map((area) => (
            <Card
              key={area.key}
              withBorder
              radius="md"
              padding="lg"
              component="section"
              aria-labelledby={`area-${area.key}`}
            >
              <Stack gap="xs" h="100%">
                <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                  {t(`web.shell.groups.${area.group}`)}
                </Text>
                <Title order={2} fz="h4" id={`area-${area.key}`}>
                  {t(`web.areas.${area.key}.title`)}
                </Title>
                <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
                  {t(`web.areas.${area.key}.help`)}
                </Text>
                <Group>
                  <Button
                    component={Link}
                    to={area.path}
                    variant="light"
                    size="sm"
                    aria-label={`${t('web.home.open')}: ${t(`web.areas.${area.key}.title`)}`}
                  >
                    {t('web.home.open')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
