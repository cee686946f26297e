import { Alert, Modal, SimpleGrid, Stack } from '@mantine/core';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { GRANT_CURRENCIES, serviceInputSchema, serviceUpdateSchema, type PersonService, type ProviderKind } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';
import { useLookupLabels } from '../beneficiaries/lookups';
import { DayField, MoneyField, SegmentedField, SelectField, SwitchField, TextAreaField, TextField } from '../grants/fields';
import { grantsResolver } from '../grants/form';
import { useServiceSave } from './save';
import { AgreementLineFields } from '../grants/AgreementLineFields';

interface Draft {
  typeCode: string;
  date: string;
  providerKind: string;
  partnerId: string;
  amountMinor: string;
  currency: string;
  accountId: string;
  rateMicro: string;
  agreementId: string;
  budgetLineId: string;
  note: string;
  confirmOutsideStatus: boolean;
}

interface Props {
  beneficiaryId: string;
  /** The person's legal status: a type open to other statuses warns before saving. */
  legalStatus: string | null;
  /** Treasurers and presidents: an amount the association paid, from a treasury account, on an agreement. */
  canPay: boolean;
  /** Correcting a recorded service: its amount stays (corrected by reversal). */
  service?: PersonService;
  onClose: () => void;
}

const draftOf = (s: PersonService | undefined): Draft => ({
  typeCode: s?.typeCode ?? '',
  date: s?.date ?? '',
  providerKind: s?.providerKind ?? 'association',
  partnerId: s?.partnerId ?? '',
  amountMinor: '',
  currency: 'MAD',
  accountId: '',
  rateMicro: '',
  agreementId: s?.agreementId ?? '',
  budgetLineId: s?.budgetLineId ?? '',
  note: s?.note ?? '',
  confirmOutsideStatus: false,
});

/** Records what a person was given, or corrects what was recorded (never its amount). */
export function ServiceModal({ beneficiaryId, legalStatus, canPay, service, onClose }: Props) {
  const { t } = useTranslation();
  const lookups = useLookupLabels();
  const rules = useOp('services.types.rules', {});
  const partners = useOp('partners.list', {});
  const accounts = useOp('treasury.accounts.list', {}, { enabled: canPay && !service });
  const agreements = useOp('grants.agreements.list', {}, { enabled: canPay });
  const editing = service !== undefined;
  const form = useForm<Draft, unknown, z.output<typeof serviceInputSchema> | z.output<typeof serviceUpdateSchema>>({
    defaultValues: draftOf(service),
    resolver: editing
      ? grantsResolver(serviceUpdateSchema, (d) => ({
          id: service.id,
          typeCode: d.typeCode,
          date: d.date,
          providerKind: d.providerKind as ProviderKind,
          partnerId: d.providerKind === 'partner' ? d.partnerId : '',
          agreementId: d.agreementId,
          budgetLineId: d.budgetLineId,
          note: d.note,
          confirmOutsideStatus: d.confirmOutsideStatus,
        }))
      : grantsResolver(serviceInputSchema, (d, read) => ({
          beneficiaryId,
          typeCode: d.typeCode,
          date: d.date,
          providerKind: d.providerKind as ProviderKind,
          partnerId: d.providerKind === 'partner' ? d.partnerId : '',
          amountMinor: d.amountMinor.trim() ? read.money(d.amountMinor, 'amountMinor') : '',
          currency: d.currency,
          accountId: d.providerKind === 'association' && d.amountMinor.trim() ? d.accountId : '',
          rateMicro: d.rateMicro.trim() ? read.rate(d.rateMicro, 'rateMicro') : '',
          agreementId: d.agreementId,
          budgetLineId: d.budgetLineId,
          note: d.note,
          confirmOutsideStatus: d.confirmOutsideStatus,
        })),
  });
  const { control } = form;
  const [typeCode, providerKind, amountText, currency, accountId, agreementId] = useWatch({
    control,
    name: ['typeCode', 'providerKind', 'amountMinor', 'currency', 'accountId', 'agreementId'],
  });
  const save = useServiceSave(editing ? 'services.update' : 'services.record', form, onClose);
  const openTo = rules.data?.find((r) => r.code === typeCode)?.legalStatuses ?? [];
  const outside = openTo.length > 0 && (legalStatus === null || !openTo.includes(legalStatus));
  const account = accounts.data?.find((a) => a.id === accountId);
  const paid = !editing && providerKind === 'association' && amountText.trim() !== '';

  return (
    <Modal opened onClose={onClose} size="xl" title={t(editing ? 'services.form.editTitle' : 'services.form.title')}>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <form onSubmit={form.handleSubmit((input) => save.mutate(input as never))} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SelectField
              control={control}
              name="typeCode"
              label={t('services.field.type')}
              required
              searchable
              data={lookups.options('serviceType', service?.typeCode ? [service.typeCode] : [])}
              data-autofocus
            />
            <DayField control={control} name="date" label={t('services.field.date')} required />
          </SimpleGrid>
          {outside && (
            <Alert color="orange" role="status" title={t('services.outside.title')}>
              <Stack gap="xs">
                {t('services.outside.explain', {
                  status: legalStatus ? lookups.of.legalStatus(legalStatus) : t('services.outside.noStatus'),
                  open: openTo.map((s) => lookups.of.legalStatus(s)).join(', '),
                })}
                <SwitchField control={control} name="confirmOutsideStatus" label={t('services.outside.confirm')} />
              </Stack>
            </Alert>
          )}
          <SegmentedField
            control={control}
            name="providerKind"
            label={t('services.field.provider')}
            data={(['association', 'partner'] as const).map((k) => ({ value: k, label: t(`services.provider.${k}`) }))}
          />
          {providerKind === 'partner' && (
            <SelectField
              control={control}
              name="partnerId"
              label={t('services.field.partner')}
              required
              searchable
              data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
          {!editing && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <MoneyField control={control} name="amountMinor" label={t('services.field.amount')} description={t('services.field.amountHint')} />
              <SelectField
                control={control}
                name="currency"
                label={t('services.field.currency')}
                data={GRANT_CURRENCIES.map((c) => ({ value: c, label: c }))}
                allowDeselect={false}
              />
              {paid && canPay && (
                <SelectField
                  control={control}
                  name="accountId"
                  label={t('services.field.account')}
                  required
                  data={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.currency})` }))}
                />
              )}
            </SimpleGrid>
          )}
          {paid && !canPay && (
            <Alert color="gray" role="status">
              {t('services.form.treasurerPays')}
            </Alert>
          )}
          {paid && account && account.currency !== currency && (
            <TextField
              control={control}
              name="rateMicro"
              label={t('services.field.rate', { service: currency, account: account.currency })}
              description={t('services.field.rateHint')}
              inputMode="decimal"
              autoComplete="off"
            />
          )}
          {canPay && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AgreementLineFields
                control={control}
                agreements={agreements.data}
                agreementId={agreementId}
                labels={{ agreement: t('services.field.agreement'), budgetLine: t('services.field.budgetLine') }}
              />
            </SimpleGrid>
          )}
          <TextAreaField control={control} name="note" label={t('services.field.note')} rows={2} />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
