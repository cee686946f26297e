import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { duesPaymentInputSchema, todayIso, type YearBalance } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { FormDateField } from '../../ui/dates/DateField';
import { useFieldError } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useMemberOptions } from './labels';
import { toCentimes, toDirhams, useFormatMoney } from './money';
import { receiptPath } from './paths';
import { areaResolver, showFieldProblems } from './problems';

/**
 * Records a dues payment. The amount is typed in dirhams and sent in centimes; more than what is
 * still due for the year is refused by the core until the person ticks the confirmation.
 */
export function PaymentForm({ memberId, balances, onClose }: { memberId: string; balances: YearBalance[]; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useMemberOptions();
  const money = useFormatMoney();
  const fieldError = useFieldError();
  const thisYear = new Date().getFullYear();
  const remaining = (year: number) => Math.max(0, balances.find((b) => b.year === year)?.balance ?? 0);
  // The oldest year still owed, so that arrears are paid first; this year when nothing is owed.
  const firstUnpaid = Math.min(thisYear, ...balances.filter((b) => b.balance > 0).map((b) => b.year));
  const [overpaid, setOverpaid] = useState(false);
  const form = useForm({
    resolver: areaResolver(duesPaymentInputSchema),
    defaultValues: {
      memberId,
      year: firstUnpaid,
      date: todayIso(),
      amount: remaining(firstUnpaid) || undefined,
      method: 'cash' as const,
      note: '',
      confirmOverpayment: false,
    },
  });
  const { control, handleSubmit, register, watch } = form;
  const pay = useOpMutation('dues.pay', {
    onSuccess: async (payment) => {
      await queryClient.invalidateQueries({ predicate: (q) => /^(members|dues)\./.test(String(q.queryKey[0])) });
      onClose();
      await navigate(receiptPath(payment.id));
    },
    onError: (error) => {
      if (error.code === 'overpayment') setOverpaid(true);
      else showFieldProblems(form, error);
    },
  });
  const year = watch('year');
  const fields = { note: register('note'), confirm: register('confirmOverpayment') };

  return (
    <Modal opened onClose={onClose} title={t('members.payment.title')} size="lg">
      <form noValidate onSubmit={handleSubmit((values) => pay.mutate(values))}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="year"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('members.payment.year')}
                  description={t('members.payment.remaining', { amount: money(remaining(typeof year === 'number' ? year : thisYear)) })}
                  min={1990}
                  max={2100}
                  allowDecimal={false}
                  name={field.name}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                  onBlur={field.onBlur}
                  error={fieldError(fieldState.error)}
                />
              )}
            />
            <FormDateField form={form} name="date" label={t('members.payment.date')} />
            <Controller
              control={control}
              name="amount"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('members.payment.amount')}
                  suffix=" MAD"
                  min={0}
                  decimalScale={2}
                  name={field.name}
                  value={typeof field.value === 'number' ? toDirhams(field.value) : ''}
                  onChange={(v) => {
                    setOverpaid(false);
                    form.setValue('confirmOverpayment', false);
                    field.onChange(typeof v === 'number' ? toCentimes(v) : undefined);
                  }}
                  onBlur={field.onBlur}
                  // The schema's minimum is one centime: the person reads dirhams.
                  error={fieldState.error?.type === 'too_small' ? t('members.payment.amountPositive') : fieldError(fieldState.error)}
                />
              )}
            />
            <Controller
              control={control}
              name="method"
              render={({ field }) => (
                <Select
                  label={t('members.payment.method')}
                  data={options.method}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
          </SimpleGrid>
          <Textarea label={t('members.payment.note')} rows={2} {...fields.note} />
          {overpaid && (
            <Alert color="orange" variant="light" title={t('errors.overpayment')}>
              <Checkbox label={t('members.payment.confirmOverpayment')} {...fields.confirm} />
            </Alert>
          )}
          {pay.error?.code !== 'overpayment' && <OpErrorAlert error={pay.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pay.isPending}>
              {t('members.payment.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
