import { Badge, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  caseCloseInputSchema,
  caseCloseReasonSchema,
  caseReopenInputSchema,
  MAX_CASE_NOTE_LENGTH,
  type CaseEvent,
  type CaseLifecycle as Lifecycle,
} from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { addCoreTexts } from '../../i18n/core';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { SelectField, TextareaField } from './fields';
import { useDates } from './format';
import { contractResolver, showFieldProblems } from './problems';

// The reasons are the core's words (the report counts by them): one translation for both.
addCoreTexts();

/** The reasons of a closing, as the report names them, for a select. */
export function useCloseReasons() {
  const { t } = useTranslation();
  return [
    { value: '', label: t('followUp.lifecycle.chooseReason') },
    ...caseCloseReasonSchema.options.map((reason) => ({ value: reason, label: t(`core:caseReason.${reason}`) })),
  ];
}

function useLifecycleChanged(beneficiaryId: string) {
  const client = useQueryClient();
  return (lifecycle: Lifecycle) => {
    client.setQueryData(opKey('cases.lifecycle', { beneficiaryId }), lifecycle);
    void client.invalidateQueries({ queryKey: opKey('followUp.dashboard') });
    void client.invalidateQueries({ queryKey: opKey('home.summary') });
  };
}

/** Whether the person's follow-up is open, the button to close or reopen it, and its history. */
export function CaseLifecycle({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const lifecycle = useOp('cases.lifecycle', { beneficiaryId });
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  if (lifecycle.isPending) return <Loader size="sm" role="status" aria-label={t('app.loading')} />;
  if (lifecycle.error) return <OpErrorAlert error={lifecycle.error} />;
  const closed = lifecycle.data.status === 'closed';
  const done = () => setDialog(null);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Badge color={closed ? 'gray' : 'green'} variant="light" size="lg" tt="none">
          {closed ? t('followUp.lifecycle.closed') : t('followUp.lifecycle.open')}
        </Badge>
        <Button size="xs" variant="default" onClick={() => setDialog(closed ? 'reopen' : 'close')}>
          {closed ? t('followUp.lifecycle.reopen') : t('followUp.lifecycle.close')}
        </Button>
      </Group>
      {lifecycle.data.history.length > 0 && <History events={lifecycle.data.history} />}
      <Modal
        opened={dialog !== null}
        onClose={done}
        title={dialog === 'reopen' ? t('followUp.lifecycle.reopenTitle') : t('followUp.lifecycle.closeTitle')}
        centered
      >
        {dialog === 'close' && <CloseForm beneficiaryId={beneficiaryId} onDone={done} />}
        {dialog === 'reopen' && <ReopenForm beneficiaryId={beneficiaryId} onDone={done} />}
      </Modal>
    </Stack>
  );
}

function History({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Stack component="ol" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('followUp.lifecycle.history')}>
      {[...events].reverse().map((e) => (
        <Text component="li" key={e.id} size="sm" c="dimmed">
          {t(`followUp.lifecycle.event.${e.kind}`, { date: dates.day(e.date), name: e.recordedByName })}
          {e.reason && ` — ${t(`core:caseReason.${e.reason}`)}`}
          {e.note && (
            <>
              {' — '}
              <bdi>{e.note}</bdi>
            </>
          )}
        </Text>
      ))}
    </Stack>
  );
}

function CloseForm({ beneficiaryId, onDone }: { beneficiaryId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const changed = useLifecycleChanged(beneficiaryId);
  const reasons = useCloseReasons();
  const form = useForm({ resolver: contractResolver(caseCloseInputSchema), defaultValues: { beneficiaryId, note: '' } });
  const close = useOpMutation('cases.close', {
    onSuccess: (lifecycle) => {
      changed(lifecycle);
      onDone();
    },
    onError: (error) => showFieldProblems(form, error, ['reason', 'note']),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => close.mutate(values))}>
      <Stack>
        <Text size="sm">{t('followUp.lifecycle.closeIntro')}</Text>
        <SelectField form={form} name="reason" label={t('followUp.lifecycle.reason')} data={reasons} withAsterisk />
        <TextareaField form={form} name="note" label={t('followUp.lifecycle.note')} description={t('followUp.lifecycle.noteHint')} maxLength={MAX_CASE_NOTE_LENGTH} dir="auto" />
        <ModalActions error={close.error} saving={close.isPending} onCancel={onDone} submitLabel={t('followUp.lifecycle.close')} />
      </Stack>
    </form>
  );
}

function ReopenForm({ beneficiaryId, onDone }: { beneficiaryId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const changed = useLifecycleChanged(beneficiaryId);
  const form = useForm({ resolver: contractResolver(caseReopenInputSchema), defaultValues: { beneficiaryId, note: '' } });
  const reopen = useOpMutation('cases.reopen', {
    onSuccess: (lifecycle) => {
      changed(lifecycle);
      onDone();
    },
    onError: (error) => showFieldProblems(form, error, ['note']),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => reopen.mutate(values))}>
      <Stack>
        <TextareaField form={form} name="note" label={t('followUp.lifecycle.reopenNote')} withAsterisk maxLength={MAX_CASE_NOTE_LENGTH} dir="auto" />
        <ModalActions error={reopen.error} saving={reopen.isPending} onCancel={onDone} submitLabel={t('followUp.lifecycle.reopen')} />
      </Stack>
    </form>
  );
}
