import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useForm } from 'react-hook-form';
import { archiveInputSchema, MAX_CASE_NOTE_LENGTH, type Beneficiary } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useCloseReasons } from '../case-follow-up/CaseLifecycle';
import { SelectField, TextareaField } from '../case-follow-up/fields';
import { contractResolver, showFieldProblems } from '../case-follow-up/problems';

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
  const restore = useOpMutation('beneficiaries.restore', { onSuccess });
  const close = () => {
    restore.reset();
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
        {archived ? (
          <Stack>
            <Text>{t('beneficiaries.person.restoreConfirm')}</Text>
            <OpErrorAlert error={restore.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => restore.mutate({ id: b.id })} loading={restore.isPending}>
                {t('beneficiaries.person.restore')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <ArchiveForm id={b.id} onSuccess={onSuccess} onCancel={close} />
        )}
      </Modal>
    </>
  );
}

/** Archiving asks why, with the reasons of a closed case: the person's case closes with it. */
function ArchiveForm({ id, onSuccess, onCancel }: { id: string; onSuccess: (record: Beneficiary) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const reasons = useCloseReasons();
  const client = useQueryClient();
  const form = useForm({ resolver: contractResolver(archiveInputSchema), defaultValues: { id, note: '' } });
  const archive = useOpMutation('beneficiaries.archive', {
    onSuccess: (record) => {
      // The case closes with the archiving.
      void client.invalidateQueries({ queryKey: opKey('cases.lifecycle', { beneficiaryId: id }) });
      onSuccess(record);
    },
    onError: (error) => showFieldProblems(form, error, ['reason', 'note']),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => archive.mutate(values))}>
      <Stack>
        <Text>{t('beneficiaries.person.archiveConfirm')}</Text>
        <SelectField form={form} name="reason" label={t('followUp.lifecycle.reason')} data={reasons} withAsterisk />
        <TextareaField form={form} name="note" label={t('followUp.lifecycle.note')} description={t('followUp.lifecycle.noteHint')} maxLength={MAX_CASE_NOTE_LENGTH} dir="auto" />
        <ModalActions error={archive.error} saving={archive.isPending} onCancel={onCancel} submitLabel={t('beneficiaries.person.archive')} />
      </Stack>
    </form>
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
