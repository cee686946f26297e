import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SessionInfo } from '../../electron/contract';
import { areas, canSeeArea } from '../features/areas/areas';
import { IconLock } from '../ui/icons';
import { LeaveConfirm } from '../ui/unsaved/LeaveConfirm';
import { useHasOpenDraft } from '../ui/unsaved/open-drafts';
import { SignInNotices } from './SignInNotices';
import { IntegrityBanner } from './IntegrityBanner';
import { LanguageSwitch } from './LanguageSwitch';
import classes from './Shell.module.css';
import { useAutoLock } from './useAutoLock';
import { useLock } from './useLock';

const sections = ['home', ...areas, 'settings', 'about'] as const;

export function Shell({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const lock = useLock();
  useAutoLock(session.autoLockMinutes, lock);
  const hasDraft = useHasOpenDraft();
  const [confirmingLock, confirmLock] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            <Text fw={700} size="lg" c="teal.8" visibleFrom="md">
              {t('app.name')}
            </Text>
            <Text fw={600} truncate className={classes.association}>
              {session.association.name}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end" className={classes.user} visibleFrom="sm">
              <Text size="sm" fw={600} truncate>
                {session.user.displayName}
              </Text>
              <Badge variant="light" size="sm" tt="none">
                {t(`roles.${session.user.role}`)}
              </Badge>
            </Stack>
            <LanguageSwitch />
            <Button variant="default" leftSection={<IconLock width={18} height={18} />} onClick={hasDraft ? confirmLock.open : lock}>
              {t('shell.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('shell.navigation')}>
        {sections.filter((section) => canSeeArea(section, session.user.role)).map((section) => {
          const to = `/${section}`;
          const active = pathname === to || pathname.startsWith(`${to}/`);
          return (
            <NavLink
              key={section}
              component={Link}
              to={to}
              label={t(`areas.${section}`)}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={nav.close}
              className={classes.link}
            />
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main>
        <IntegrityBanner session={session} />
        <SignInNotices />
        {children}
      </AppShell.Main>
      <LeaveConfirm
        opened={confirmingLock}
        leaveLabel={t('unsaved.lock')}
        onStay={confirmLock.close}
        onLeave={() => {
          confirmLock.close();
          lock();
        }}
      />
    </AppShell>
  );
}
