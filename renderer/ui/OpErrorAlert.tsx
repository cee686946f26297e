import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpFailure } from '../app/ops';

/** An operation's failure as one translated sentence, announced to screen readers (role="alert"). */
export function OpErrorAlert({ error }: { error: OpFailure | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light">
      {t(`errors.${error.code}`, { seconds: error.retryAfterSeconds })}
    </Alert>
  );
}
