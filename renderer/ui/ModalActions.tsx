import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpFailure } from '../app/ops';
import { OpErrorAlert } from './OpErrorAlert';

/**
 * The foot of an edit form in a modal: the save's failure, then Cancel and Save (a submit button),
 * Save named for what it does when that is more than saving (`submitLabel`).
 */
export function ModalActions({
  error,
  saving,
  onCancel,
  submitLabel,
}: {
  error: OpFailure | null | undefined;
  saving: boolean;
  onCancel: () => void;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <OpErrorAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {submitLabel ?? t('common.save')}
        </Button>
      </Group>
    </>
  );
}
