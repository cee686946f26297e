import { Alert } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { isAfterSave } from './after-save';

/** A record just saved opens at its top, saying so in a few words. */
export function SavedNotice() {
  const { t } = useTranslation();
  const justSaved = isAfterSave(useLocation());
  useEffect(() => {
    if (justSaved) window.scrollTo({ top: 0 });
  }, [justSaved]);
  if (!justSaved) return null;
  return (
    <Alert color="teal" variant="light" role="status" py="xs">
      {t('unsaved.saved')}
    </Alert>
  );
}
