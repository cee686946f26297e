import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

export function RemoveUserButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, modal] = useDisclosure(false);
  const remove = useOpMutation('users.remove', {
    onSuccess: () => {
      modal.close();
      void client.invalidateQueries({ queryKey: opKey('users.list') });
    },
  });
  const close = () => {
    remove.reset();
    modal.close();
  };

  return (
    <>
      <Button
        variant="light"
        color="red"
        size="xs"
        onClick={modal.open}
        aria-label={t('settings.users.removeNamed', { name: user.displayName })}
      >
        {t('settings.users.remove')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('settings.users.removeTitle')} centered>
        <Stack>
          <Text>{t('settings.users.removeConfirm', { name: user.displayName })}</Text>
          <OpErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => remove.mutate({ userId: user.id })} loading={remove.isPending}>
              {t('settings.users.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
