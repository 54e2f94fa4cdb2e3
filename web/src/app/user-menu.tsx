import { Avatar, Button, Group, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { vowelContext } from '../../../src/shared/grammar.js';
import { initials } from './initials.js';
import { errorMessage } from './problems.js';
import { useCurrentUser, useSessionActions } from './session.js';

/** The person's name, opening Log out and Log out everywhere (a lost laptop, a shared PC). */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { logout, logoutEverywhere } = useSessionActions();
  const [problem, setProblem] = useState<string | null>(null);

  const leave = async (everywhere: boolean) => {
    try {
      if (everywhere) {
        const revoked = await logoutEverywhere();
        navigate('/login', {
          replace: true,
          state: { notice: t('web.shell.logged_out_everywhere', { count: revoked }) },
        });
      } else {
        await logout();
        navigate('/login', { replace: true, state: { notice: t('web.shell.logged_out') } });
      }
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Group gap="xs" wrap="nowrap">
      {problem && (
        <Text c="red.8" size="xs" role="alert" maw={220}>
          {problem}
        </Text>
      )}
      <Menu position="bottom-end" shadow="md" width={240} withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            c="dark.9"
            leftSection={
              <Avatar size={26} color="relais" radius="xl" aria-hidden>
                {initials(me.name)}
              </Avatar>
            }
            aria-label={t('web.shell.user_menu', { name: me.name, context: vowelContext(me.name) })}
          >
            <Text span size="sm" visibleFrom="sm">
              {me.name}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {me.name} ({me.username})
          </Menu.Label>
          <Menu.Item onClick={() => void leave(false)}>{t('web.shell.logout')}</Menu.Item>
          <Menu.Item color="red.8" onClick={() => void leave(true)}>
            {t('web.shell.logout_everywhere')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
