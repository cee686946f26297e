import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpFailure } from '../../app/ops';
import { OpErrorAlert } from '../OpErrorAlert';

/**
 * The end of a form only some roles may save: the save button with the outcome of the last save,
 * or, for the others, a note saying who may change it.
 */
export function RestrictedSaveFooter({
  canEdit,
  save,
  savedText,
  readOnlyText,
}: {
  canEdit: boolean;
  save: { error: OpFailure | null; isPending: boolean; isSuccess: boolean };
  savedText: string;
  readOnlyText: string;
}) {
  const { t } = useTranslation();
  if (!canEdit) {
    return (
      <Text size="sm" c="dimmed">
        {readOnlyText}
      </Text>
    );
  }
  return (
    <>
      <OpErrorAlert error={save.error} />
      {save.isSuccess && (
        <Alert color="green" variant="light">
          {savedText}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </>
  );
}
