import { Alert, Anchor, Button, Group, Loader, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  referralInputSchema,
  referralStatusSchema,
  todayIso,
  type Partner,
  type Referral,
  type ReferralInput,
  type ReferralStatus,
} from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { intlLocale } from '../../i18n';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { SendReferralFile } from '../exchange/SendReferralFile';
import { ReferralStatusBadge } from './badges';
import { DetailList } from './DetailList';
import { EditModal } from './EditModal';
import { DateField, SelectField, TextareaField } from './fields';
import { useDates } from './format';
import { contractResolver, showFieldProblems } from './problems';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

function useReferralSaved(beneficiaryId: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: opKey('referrals.list', { beneficiaryId }) });
}

/** The person's referrals to partners of the directory, newest first, status changed in place. */
export function Referrals({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const referrals = useOp('referrals.list', { beneficiaryId });
  const [editing, setEditing] = useState<Referral | 'new' | null>(null);
  const [sending, setSending] = useState<Referral | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Button onClick={() => setEditing('new')}>{t('followUp.referrals.add')}</Button>
        <Anchor component={Link} to="/partners">
          {t('followUp.referrals.directory')}
        </Anchor>
      </Group>
      {referrals.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : referrals.error ? (
        <OpErrorAlert error={referrals.error} />
      ) : referrals.data.length === 0 ? (
        <Text c="dimmed">{t('followUp.referrals.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('followUp.tabs.referrals')}>
          {referrals.data.map((referral) => (
            <ReferralItem
              key={referral.id}
              referral={referral}
              onEdit={() => setEditing(referral)}
              onSendFile={() => setSending(referral)}
            />
          ))}
        </Stack>
      )}
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        addTitle={t('followUp.referrals.addTitle')}
        editTitle={t('followUp.referrals.editTitle')}
      >
        {(referral) => <ReferralForm beneficiaryId={beneficiaryId} referral={referral} onDone={() => setEditing(null)} />}
      </EditModal>
      <Modal
        opened={sending !== null}
        onClose={() => setSending(null)}
        title={sending ? t('referralFiles.send.title', { partner: sending.partnerName }) : undefined}
        size="lg"
      >
        {sending && <SendReferralFile referral={sending} onDone={() => setSending(null)} />}
      </Modal>
    </Stack>
  );
}

const inputOf = (r: Referral): ReferralInput => ({
  id: r.id,
  beneficiaryId: r.beneficiaryId,
  partnerId: r.partnerId,
  sentOn: r.sentOn,
  reason: r.reason,
  status: r.status,
  feedbackOn: r.feedbackOn,
  notes: r.notes,
});

function ReferralItem({ referral: r, onEdit, onSendFile }: { referral: Referral; onEdit: () => void; onSendFile: () => void }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const saved = useReferralSaved(r.beneficiaryId);
  const update = useOpMutation('referrals.save', { onSuccess: saved });
  const statuses = referralStatusSchema.options.map((s) => ({ value: s, label: t(`core:referralStatus.${s}`) }));

  const items = [
    { key: 'sent', label: t('followUp.referrals.sentOn'), value: <Text>{dates.day(r.sentOn)}</Text> },
    {
      key: 'feedback',
      label: t('followUp.referrals.feedbackOn'),
      value: <Text>{r.feedbackOn ? dates.day(r.feedbackOn) : t('followUp.none')}</Text>,
    },
    {
      key: 'reason',
      label: t('followUp.referrals.reason'),
      value: (
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          <bdi>{r.reason}</bdi>
        </Text>
      ),
    },
  ];
  if (r.file) {
    const facts = new Intl.ListFormat(intlLocale(i18n.resolvedLanguage ?? 'fr')).format(
      r.file.facts.map((fact) => t(`referralFiles.fact.${fact}`)),
    );
    items.push({
      key: 'file',
      label: t('referralFiles.sent.label'),
      value: <Text>{t('referralFiles.sent.value', { date: dates.moment(r.file.sentAt), facts })}</Text>,
    });
    if (r.file.answerReason) {
      items.push({
        key: 'answerReason',
        label: t('referralFiles.sent.answerReason'),
        value: (
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <bdi>{r.file.answerReason}</bdi>
          </Text>
        ),
      });
    }
  }
  if (r.notes) {
    items.push({
      key: 'notes',
      label: t('followUp.referrals.notes'),
      value: (
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          <bdi>{r.notes}</bdi>
        </Text>
      ),
    });
  }

  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-end">
          <Group gap="xs">
            <Text fw={700}>
              <bdi>{r.partnerName}</bdi>
            </Text>
            <ReferralStatusBadge status={r.status} />
          </Group>
          <Group gap="xs" align="flex-end">
            <NativeSelect
              size="xs"
              label={t('followUp.referrals.status')}
              aria-label={t('followUp.referrals.statusNamed', { partner: r.partnerName })}
              data={statuses}
              value={update.isPending && update.variables ? update.variables.status : r.status}
              disabled={update.isPending}
              onChange={(event) => update.mutate({ ...inputOf(r), status: event.currentTarget.value as ReferralStatus })}
            />
            <Button
              variant="light"
              size="xs"
              onClick={onSendFile}
              aria-label={t('referralFiles.send.openNamed', { partner: r.partnerName })}
            >
              {t('referralFiles.send.open')}
            </Button>
            <Button
              variant="light"
              size="xs"
              onClick={onEdit}
              aria-label={t('followUp.referrals.editNamed', { partner: r.partnerName })}
            >
              {t('followUp.edit')}
            </Button>
          </Group>
        </Group>
        <DetailList items={items} />
        <OpErrorAlert error={update.error} />
      </Stack>
    </Paper>
  );
}

function ReferralForm({
  beneficiaryId,
  referral,
  onDone,
}: {
  beneficiaryId: string;
  referral: Referral | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const partners = useOp('partners.list', { includeArchived: false });
  if (partners.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (partners.error) return <OpErrorAlert error={partners.error} />;
  return <ReferralFields beneficiaryId={beneficiaryId} referral={referral} partners={partners.data} onDone={onDone} />;
}

const formFields = ['partnerId', 'sentOn', 'reason', 'status', 'feedbackOn', 'notes'] as const;

function ReferralFields({
  beneficiaryId,
  referral,
  partners,
  onDone,
}: {
  beneficiaryId: string;
  referral: Referral | null;
  partners: Partner[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const saved = useReferralSaved(beneficiaryId);
  const form = useForm({
    resolver: contractResolver(referralInputSchema),
    defaultValues: referral
      ? { ...inputOf(referral), notes: referral.notes ?? '' }
      : { beneficiaryId, partnerId: '', sentOn: todayIso(), reason: '', status: 'sent', feedbackOn: null, notes: '' },
  });
  const status = useWatch({ control: form.control, name: 'status' });
  const save = useOpMutation('referrals.save', {
    onSuccess: () => {
      saved();
      onDone();
    },
    onError: (error) => showFieldProblems(form, error, formFields),
  });

  const partnerOptions = [
    { value: '', label: t('followUp.referrals.choosePartner') },
    ...partners.map((p) => ({ value: p.id, label: p.city ? `${p.name} (${p.city})` : p.name })),
  ];
  // A referral to a partner archived since keeps showing it.
  if (referral && !partners.some((p) => p.id === referral.partnerId)) {
    partnerOptions.push({ value: referral.partnerId, label: referral.partnerName });
  }
  const statuses = referralStatusSchema.options.map((s) => ({ value: s, label: t(`core:referralStatus.${s}`) }));

  return (
    <form noValidate onSubmit={form.handleSubmit((input) => save.mutate(input))}>
      <Stack gap="sm">
        {partners.length === 0 && (
          <Alert color="orange" variant="light">
            {t('followUp.referrals.noPartners')}{' '}
            <Anchor component={Link} to="/partners">
              {t('followUp.referrals.directory')}
            </Anchor>
          </Alert>
        )}
        <SelectField
          form={form}
          name="partnerId"
          label={t('followUp.referrals.partner')}
          data={partnerOptions}
          withAsterisk
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField form={form} name="sentOn" label={t('followUp.referrals.sentOn')} withAsterisk maxDate={todayIso()} />
          <SelectField form={form} name="status" label={t('followUp.referrals.status')} data={statuses} withAsterisk />
        </SimpleGrid>
        <TextareaField form={form} name="reason" label={t('followUp.referrals.reason')} withAsterisk rows={2} dir="auto" />
        {status !== 'sent' && (
          <DateField
            form={form}
            name="feedbackOn"
            nullable
            label={t('followUp.referrals.feedbackOn')}
            description={t('followUp.referrals.feedbackOnHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            maxDate={todayIso()}
          />
        )}
        <TextareaField form={form} name="notes" label={t('followUp.referrals.notes')} rows={2} dir="auto" />
        <ModalActions error={save.error} saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
