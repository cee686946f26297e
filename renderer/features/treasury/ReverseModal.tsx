import { Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { disbursementReversalSchema, duesReversalSchema, reverseInputSchema, todayIso, type OpInput } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { DayField, TextAreaField } from '../grants/fields';
import { grantsResolver, showFailureFields } from '../grants/form';

/** The operations that correct money by a reversal of its journal entry, each with its own way to name what it reverses. */
const REVERSALS = {
  'treasury.entries.reverse': { schema: reverseInputSchema, input: (id: string, d: Draft): OpInput<'treasury.entries.reverse'> => ({ id, ...d }) },
  'dues.reverse': { schema: duesReversalSchema, input: (id: string, d: Draft): OpInput<'dues.reverse'> => ({ paymentId: id, ...d }) },
  'grants.disbursements.reverse': {
    schema: disbursementReversalSchema,
    input: (id: string, d: Draft): OpInput<'grants.disbursements.reverse'> => ({ id, ...d }),
  },
} as const;

export type ReversalOp = keyof typeof REVERSALS;

interface Draft {
  date: string;
  reason: string;
}

/**
 * Asks the date and the reason of a correction, then reverses: the journal entry, and the dues
 * payment or the disbursement that wrote it. Every figure is read again afterwards (dues, grants,
 * treasury all change).
 */
export function ReverseModal({ op, id, onClose }: { op: ReversalOp; id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const spec = REVERSALS[op];
  // The resolver hands the submit the operation's input, checked by the contract's own schema.
  const form = useForm<Draft, unknown, OpInput<ReversalOp>>({
    defaultValues: { date: todayIso(), reason: '' },
    resolver: grantsResolver(spec.schema, (d: Draft) => spec.input(id, d)) as never,
  });
  const save = useOpMutation(op, {
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onClose();
    },
    onError: (failure) => showFailureFields(form, failure),
  });
  return (
    <Modal opened onClose={onClose} title={t('treasury.reverse.title')}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input as never))} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t(op === 'treasury.entries.reverse' ? 'treasury.reverse.explain' : 'treasury.reverse.explainFromArea')}</Text>
          <DayField control={form.control} name="date" label={t('treasury.reverse.date')} required />
          <TextAreaField control={form.control} name="reason" label={t('treasury.reverse.reason')} required rows={2} data-autofocus />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
