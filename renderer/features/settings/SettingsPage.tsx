import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAppStatus } from '../../app/session';
import { LogosTab } from '../activities/LogosTab';
import { ActivitiesSettingsTab } from '../activities/SettingsTab';
import { BackupsTab } from '../backups/BackupsTab';
import { OurCardTab } from '../exchange/OurCardTab';
import { SecurityTab } from '../security/SecurityTab';
import { AssociationTab } from './AssociationTab';
import { AutoLockTab } from './AutoLockTab';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ListsTab } from './ListsTab';
import { MembersCooperativesSettingsTab } from '../cooperatives/SettingsTab';
import { ReportsSettingsTab } from '../reports/SettingsTab';
import { UsersTab } from './UsersTab';

const tabs = {
  users: 'settings.tabs.users',
  password: 'settings.tabs.password',
  'auto-lock': 'settings.tabs.autoLock',
  lists: 'settings.tabs.lists',
  activities: 'activities.settings.tab',
  'members-cooperatives': 'cooperatives.settings.tab',
  reports: 'reports.settings.tab',
  association: 'settings.association.tab',
  logos: 'settings.logos.tab',
  card: 'cards.tab',
  backups: 'backups.tab',
  security: 'security.tab',
};
type Tab = keyof typeof tabs;
const isTab = (value: string | undefined): value is Tab => value !== undefined && value in tabs;

export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const session = useAppStatus().data?.session;
  const isPresident = session?.user.role === 'president';
  // The users and security tabs are hidden from others; typed in directly, they show the core's refusal.
  const visible = (Object.keys(tabs) as Tab[]).filter((key) => (key !== 'users' && key !== 'security') || isPresident);
  const current = isTab(tab) ? tab : visible[0];

  return (
    <Stack gap="lg">
      <Title order={1}>{t('areas.settings')}</Title>
      <Tabs value={current} onChange={(value) => void navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List>
          {visible.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(tabs[key])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users" pt="lg">
          <UsersTab currentUserId={session?.user.id} />
        </Tabs.Panel>
        <Tabs.Panel value="password" pt="lg">
          <ChangePasswordForm currentLabel={t('password.current')} submitLabel={t('settings.password.submit')} />
        </Tabs.Panel>
        <Tabs.Panel value="auto-lock" pt="lg">
          <AutoLockTab canEdit={isPresident} />
        </Tabs.Panel>
        <Tabs.Panel value="lists" pt="lg">
          <ListsTab canEdit={isPresident} />
        </Tabs.Panel>
        <Tabs.Panel value="activities" pt="lg">
          <ActivitiesSettingsTab canEdit={isPresident} />
        </Tabs.Panel>
        <Tabs.Panel value="members-cooperatives" pt="lg">
          <MembersCooperativesSettingsTab canEdit={isPresident} />
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="lg">
          <ReportsSettingsTab canEdit={isPresident} />
        </Tabs.Panel>
        <Tabs.Panel value="association" pt="lg">
          <AssociationTab canEdit={isPresident} />
        </Tabs.Panel>
        <Tabs.Panel value="logos" pt="lg">
          <LogosTab canEdit={isPresident} />
        </Tabs.Panel>
        <Tabs.Panel value="card" pt="lg">
          <OurCardTab />
        </Tabs.Panel>
        <Tabs.Panel value="backups" pt="lg">
          <BackupsTab isPresident={isPresident} />
        </Tabs.Panel>
        <Tabs.Panel value="security" pt="lg">
          <SecurityTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
