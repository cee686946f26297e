import { Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { incomingReferralStatusSchema, referralFileOps, type IncomingReferral } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { downloadText } from '../../ui/download';
import { generalError, showAtFields } from '../../ui/forms';
import { ModalActions } from '../../ui/ModalActions';
import { SelectField, TextareaField } from '../case-follow-up/fields';
import { contractResolver } from '../case-follow-up/problems';

const answerSchema = referralFileOps['referrals.incoming.answer'].input;

/** The answer to a partner's referral, saved as a reply file for them to import. */
export function AnswerIncoming({ incoming, onDone }: { incoming: IncomingReferral; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    resolver: contractResolver(answerSchema),
    defaultValues: { id: incoming.id, status: incoming.status, reason: incoming.answerReason ?? '' },
  });
  const status = useWatch({ control: form.control, name: 'status' });
  const withReason = status === 'refused' || status === 'no_answer_possible';
  const answer = useOpMutation('referrals.incoming.answer', {
    onSuccess: ({ text, fileName, incoming: answered }) => {
      downloadText(fileName, text, 'application/octet-stream');
      client.setQueryData<IncomingReferral[]>(opKey('referrals.incoming.list', {}), (list) =>
        list?.map((r) => (r.id === answered.id ? answered : r)),
      );
      onDone();
    },
    onError: (error) => showAtFields(form, error),
  });

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((input) => answer.mutate({ ...input, reason: withReason ? input.reason || null : null }))}
    >
      <Stack gap="sm">
        <Text size="sm">{t('referralFiles.answer.intro', { partner: incoming.partnerName })}</Text>
        <SelectField
          form={form}
          name="status"
          label={t('followUp.referrals.status')}
          data={incomingReferralStatusSchema.options.map((s) => ({ value: s, label: t(`referralFiles.incomingStatus.${s}`) }))}
          withAsterisk
          data-autofocus
        />
        {withReason && (
          <TextareaField
            form={form}
            name="reason"
            label={t('referralFiles.answer.reason')}
            withAsterisk={status === 'refused'}
            rows={3}
            dir="auto"
          />
        )}
        <ModalActions
          error={generalError(form, answer.error)}
          saving={answer.isPending}
          onCancel={onDone}
          submitLabel={t('referralFiles.answer.submit')}
        />
      </Stack>
    </form>
  );
}
