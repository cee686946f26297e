import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

function useRecordChanged() {
  const client = useQueryClient();
  return (record: Beneficiary) => {
    client.setQueryData(opKey('beneficiaries.get', { id: record.id }), record);
    void client.invalidateQueries({ queryKey: opKey('beneficiaries.search') });
    void client.invalidateQueries({ queryKey: opKey('beneficiaries.duplicatePairs') });
  };
}

/** Archive or restore, after a confirmation: nothing is deleted, the record leaves the active list. */
export function ArchiveButton({ b }: { b: Beneficiary }) {
  const { t } = useTranslation();
  const changed = useRecordChanged();
  const [opened, modal] = useDisclosure(false);
  const archived = Boolean(b.archivedAt);
  const onSuccess = (record: Beneficiary) => {
    changed(record);
    modal.close();
  };
  const archive = useOpMutation('beneficiaries.archive', { onSuccess });
  const restore = useOpMutation('beneficiaries.restore', { onSuccess });
  const action = archived ? restore : archive;
  const close = () => {
    action.reset();
    modal.close();
  };

  return (
    <>
      <Button variant="default" onClick={modal.open}>
        {archived ? t('beneficiaries.person.restore') : t('beneficiaries.person.archive')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={archived ? t('beneficiaries.person.restoreTitle') : t('beneficiaries.person.archiveTitle')}
        centered
      >
        <Stack>
          <Text>{archived ? t('beneficiaries.person.restoreConfirm') : t('beneficiaries.person.archiveConfirm')}</Text>
          <OpErrorAlert error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => action.mutate({ id: b.id })} loading={action.isPending}>
              {archived ? t('beneficiaries.person.restore') : t('beneficiaries.person.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Law 09-08: the person may withdraw consent; their personal data is erased, the anonymous record stays. */
export function WithdrawConsentButton({ b }: { b: Beneficiary }) {
  const { t } = useTranslation();
  const changed = useRecordChanged();
  const client = useQueryClient();
  const [opened, modal] = useDisclosure(false);
  const withdraw = useOpMutation('beneficiaries.withdrawConsent', {
    onSuccess: (record) => {
      changed(record);
      // The free text of the follow-up (notes…) is erased too: drop what the page holds of it.
      void client.invalidateQueries({ predicate: ({ queryKey }) => JSON.stringify(queryKey).includes(record.id) });
      modal.close();
    },
  });
  const close = () => {
    withdraw.reset();
    modal.close();
  };

  return (
    <>
      <Button variant="light" color="red" onClick={modal.open}>
        {t('beneficiaries.person.withdraw')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('beneficiaries.person.withdrawTitle')} centered size="lg">
        <Stack>
          <Text>{t('beneficiaries.person.withdrawIntro')}</Text>
          <List spacing={4} size="sm">
            <List.Item>{t('beneficiaries.person.withdrawErased')}</List.Item>
            <List.Item>{t('beneficiaries.person.withdrawKept')}</List.Item>
          </List>
          <Text fw={600}>{t('beneficiaries.person.withdrawIrreversible')}</Text>
          <OpErrorAlert error={withdraw.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => withdraw.mutate({ id: b.id })} loading={withdraw.isPending}>
              {t('beneficiaries.person.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
