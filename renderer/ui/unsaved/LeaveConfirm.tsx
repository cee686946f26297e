import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asks before changes typed and not saved are lost; staying is the first choice, and Escape stays. */
export function LeaveConfirm({ opened, leaveLabel, onStay, onLeave }: { opened: boolean; leaveLabel: string; onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onStay} title={t('unsaved.title')} centered>
      <Text>{t('unsaved.body')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onLeave}>
          {leaveLabel}
        </Button>
        <Button onClick={onStay} data-autofocus>
          {t('unsaved.stay')}
        </Button>
      </Group>
    </Modal>
  );
}
