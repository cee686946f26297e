import { Alert, Badge, Button, Divider, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRecoveryCode } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { RecoveryCodeSheet } from '../../print/RecoveryCodeSheet';
import { IconPrinter } from '../../ui/icons';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { AuditLog } from './AuditLog';
import { ConfirmPasswordForm } from './ConfirmPasswordForm';

/** Settings → Security (president): who can open the file, key rotation, recovery code, audit log. */
export function SecurityTab() {
  return (
    <Stack gap="xl" maw={1100}>
      <KeySlots />
      <Divider />
      <Rekey />
      <Divider />
      <NewRecoveryCode />
      <Divider />
      <AuditLog />
    </Stack>
  );
}

function KeySlots() {
  const { t } = useTranslation();
  const slots = useOp('security.keySlots', {});
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('security.slots.title')}
      </Title>
      <Text size="sm">{t('security.slots.help')}</Text>
      {slots.isPending && <Loader role="status" aria-label={t('app.loading')} />}
      <OpErrorAlert error={slots.error} />
      {slots.data && (
        <>
          <Table aria-label={t('security.slots.title')} maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('security.slots.who')}</Table.Th>
                <Table.Th>{t('security.slots.role')}</Table.Th>
                <Table.Th>{t('security.slots.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slots.data.slots.map((slot) => (
                <Table.Tr key={slot.id}>
                  <Table.Td>{slot.kind === 'recovery' ? t('security.slots.recovery') : (slot.displayName ?? t('security.slots.unknown'))}</Table.Td>
                  <Table.Td>{slot.role ? t(`roles.${slot.role}`) : slot.kind === 'user' ? t('security.slots.removed') : ''}</Table.Td>
                  <Table.Td>
                    {slot.upToDate ? (
                      <Badge color="green" variant="light">
                        {t('security.slots.upToDate')}
                      </Badge>
                    ) : (
                      <Badge color="orange" variant="light">
                        {t('security.slots.outdated')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!slots.data.canRekey && (
            <Alert color="orange" variant="light">
              {t('security.slots.outdatedHelp')}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}

function Rekey() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rekey = useOpMutation('security.rekey', {
    onSuccess: () => void client.invalidateQueries({ queryKey: opKey('security.keySlots') }),
  });
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('security.rekey.title')}
      </Title>
      <Text size="sm">{t('security.rekey.help')}</Text>
      <ConfirmPasswordForm
        submitLabel={t('security.rekey.submit')}
        loading={rekey.isPending}
        error={rekey.error}
        onConfirm={(password) => rekey.mutate({ password })}
      />
      {rekey.data && (
        <Alert color="green" variant="light">
          {t('security.rekey.done', { generation: rekey.data.keyGeneration })}
        </Alert>
      )}
    </Stack>
  );
}

function NewRecoveryCode() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const session = useAppStatus().data?.session;
  const [createdAt, setCreatedAt] = useState(() => new Date());
  const make = useOpMutation('security.newRecoveryCode', {
    onSuccess: () => {
      setCreatedAt(new Date());
      void client.invalidateQueries({ queryKey: opKey('security.keySlots') });
    },
  });
  const code = make.data?.recoveryCode;

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('security.recovery.title')}
      </Title>
      <Text size="sm">{t('security.recovery.help')}</Text>
      {code ? (
        <Stack>
          <Alert color="yellow" variant="light">
            <Text fw={700}>{t('recovery.shownOnce')}</Text>
            <Text>{t('recovery.keepSafe')}</Text>
          </Alert>
          <SimpleGrid cols={{ base: 3, md: 6 }} spacing="md" dir="ltr" role="list" aria-label={t('recovery.codeLabel')}>
            {formatRecoveryCode(code).map((group, index) => (
              <Text key={index} role="listitem" ff="monospace" fw={700} size="xl" ta="center" data-testid="recovery-group">
                {group}
              </Text>
            ))}
          </SimpleGrid>
          <Group>
            <Button variant="default" leftSection={<IconPrinter width={18} height={18} />} onClick={() => window.print()}>
              {t('recovery.print')}
            </Button>
            <Button variant="subtle" onClick={() => make.reset()}>
              {t('security.recovery.hide')}
            </Button>
          </Group>
          {session && (
            <RecoveryCodeSheet
              pending={{ code, associationName: session.association.name, path: session.path, createdAt }}
            />
          )}
        </Stack>
      ) : (
        <ConfirmPasswordForm
          submitLabel={t('security.recovery.submit')}
          loading={make.isPending}
          error={make.error}
          onConfirm={(password) => make.mutate({ password })}
        />
      )}
    </Stack>
  );
}
