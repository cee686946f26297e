import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keptDraft } from './kept-draft';

/** On the record opened from a form: the way back to what was being typed there. */
export function KeptDraftNotice() {
  const { t } = useTranslation();
  const draft = keptDraft();
  if (!draft) return null;
  return (
    <Alert color="blue" variant="light" py="xs">
      {t('unsaved.kept')}{' '}
      <Anchor component={Link} to={draft.path}>
        {t('unsaved.backToForm')}
      </Anchor>
    </Alert>
  );
}
