import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The foot of a form on a page: its submit button, then Cancel when the form can be closed. */
export function FormActions({ label, saving, onCancel }: { label: string; saving: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={saving}>
        {label}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
    </Group>
  );
}
