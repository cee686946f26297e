import { Alert, Badge, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { AddUserForm } from './AddUserForm';
import { RemoveUserButton } from './RemoveUserButton';
import { ResetPasswordButton } from './ResetPasswordButton';

export function UsersTab({ currentUserId }: { currentUserId?: string }) {
  const { t } = useTranslation();
  const users = useOp('users.list', {});
  const [resetFor, setResetFor] = useState<string | null>(null);
  if (users.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (users.error) return <OpErrorAlert error={users.error} />;

  return (
    <Stack gap="xl">
      {resetFor && (
        <Alert color="green" variant="light" withCloseButton onClose={() => setResetFor(null)}>
          {t('settings.users.resetDone', { name: resetFor })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.users.name')}</Table.Th>
              <Table.Th>{t('settings.users.role')}</Table.Th>
              <Table.Th>{t('settings.users.status')}</Table.Th>
              <Table.Th>{t('settings.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={500}>{user.displayName}</Text>
                    {user.id === currentUserId && (
                      <Badge variant="outline" size="sm" tt="none">
                        {t('settings.users.you')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                <Table.Td>
                  {user.mustChangePassword ? (
                    <Badge color="orange" variant="light" tt="none">
                      {t('settings.users.mustChange')}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light" tt="none">
                      {t('settings.users.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {user.id !== currentUserId && (
                    <Group gap="xs">
                      <ResetPasswordButton user={user} onReset={(updated) => setResetFor(updated.displayName)} />
                      <RemoveUserButton user={user} />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AddUserForm />
    </Stack>
  );
}
