import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EXCHANGE_FILE_EXTENSIONS } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ReferralStatusBadge } from '../case-follow-up/badges';
import { useDates } from '../case-follow-up/format';
import { problemKey } from '../case-follow-up/problems';
import { ExchangeFileInput } from './ExchangeFileInput';

/** A partner's reply file: the referral it answers takes its status and feedback date. */
export function ImportReply() {
  const { t } = useTranslation();
  const dates = useDates();
  const client = useQueryClient();
  const [unreadable, setUnreadable] = useState(false);
  const importReply = useOpMutation('referrals.importReply', {
    onSuccess: (referral) => {
      void client.invalidateQueries({ queryKey: opKey('referrals.search') });
      void client.invalidateQueries({ queryKey: opKey('referrals.list', { beneficiaryId: referral.beneficiaryId }) });
    },
  });
  const refusal = unreadable ? 'exchange_file_invalid' : importReply.error?.fields?.fileText;
  const updated = importReply.data;

  return (
    <Stack gap="xs">
      <ExchangeFileInput
        label={t('referralFiles.reply.import')}
        description={t('referralFiles.reply.importHelp')}
        accept={EXCHANGE_FILE_EXTENSIONS.reply}
        busy={importReply.isPending}
        error={refusal ? t(problemKey(refusal)) : undefined}
        onUnreadable={() => {
          importReply.reset();
          setUnreadable(true);
        }}
        onText={(fileText) => {
          setUnreadable(false);
          importReply.mutate({ fileText });
        }}
      />
      <OpErrorAlert error={refusal ? null : importReply.error} />
      {updated && !refusal && (
        <Alert color="teal" variant="light">
          <Stack gap={4}>
            <Group gap="xs">
              <Text size="sm">{t('referralFiles.reply.imported', { partner: updated.partnerName })}</Text>
              <ReferralStatusBadge status={updated.status} />
            </Group>
            {updated.feedbackOn && <Text size="sm">{t('referralFiles.reply.feedbackOn', { date: dates.day(updated.feedbackOn) })}</Text>}
            {updated.file?.answerReason && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('referralFiles.reply.reason', { reason: updated.file.answerReason })}
              </Text>
            )}
            <Anchor component={Link} to={`/beneficiaries/${updated.beneficiaryId}`} size="sm">
              {t('referralFiles.reply.openPerson')}
            </Anchor>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
