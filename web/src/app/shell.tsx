import { Anchor, AppShell, Box, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { vowelContext } from '../../../src/shared/grammar.js';
import { type Area, areasFor } from './areas.js';
import { LanguageSwitcher } from './language-switcher.js';
import { useCurrentUser } from './session.js';
import { UserMenu } from './user-menu.js';

const GROUPS: Area['group'][] = [
  'inquiries',
  'knowledge',
  'workplace',
  'telework',
  'equipment',
  'helpdesk',
  'directory',
  'administration',
];

/** The frame of every logged-in page: header, navigation built from the person's abilities, main. */
export function Shell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  const areas = areasFor(me.abilities, me.roles);

  // On a phone the navigation covers the page: close it once a link is followed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose.
  useEffect(() => close(), [location.pathname]);

  const isWithin = (path: string) => location.pathname === path || location.pathname.startsWith(`${path}/`);
  // One link is the current page: /inquiries/new is "New call", not also "Inquiries".
  const activePath = areas
    .map((area) => area.path)
    .filter(isWithin)
    .sort((a, b) => b.length - a.length)[0];
  const isActive = (path: string) => path === activePath;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <a className="skip-link" href="#main">
        {t('web.shell.skip_to_content')}
      </a>
      <AppShell.Header className="relais-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('web.shell.toggle_navigation')}
              aria-expanded={isNavOpen}
              aria-controls="main-navigation"
            />
            <Anchor
              component={Link}
              to="/"
              underline="never"
              className="brand"
              aria-label={t('web.shell.home_link')}
            >
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Text span fw={700} fz="lg" c="relais.8">
                Relais
              </Text>
            </Anchor>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="main-navigation" aria-label={t('web.shell.navigation')} p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <NavLink
            component={Link}
            to="/"
            label={t('web.areas.home.title')}
            active={location.pathname === '/'}
            aria-current={location.pathname === '/' ? 'page' : undefined}
          />
          {GROUPS.map((group) => {
            const items = areas.filter((area) => area.group === group);
            if (items.length === 0) return null;
            return (
              <Box key={group} mt="md" component="section" aria-labelledby={`nav-${group}`}>
                <Text id={`nav-${group}`} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
                  {t(`web.shell.groups.${group}`)}
                </Text>
                {items.map((area) => (
                  <NavLink
                    key={area.key}
                    component={Link}
                    to={area.path}
                    label={t(`web.areas.${area.key}.title`)}
                    active={isActive(area.path)}
                    aria-current={isActive(area.path) ? 'page' : undefined}
                  />
                ))}
              </Box>
            );
          })}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" pt="sm">
            {t('web.shell.signed_in_as', { username: me.username, context: vowelContext(me.username) })}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className="relais-main">
        <Box maw={1200}>
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
