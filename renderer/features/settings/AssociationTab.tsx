import { Anchor, Loader, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { associationDetailsSchema, type AssociationDetails } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { formResolver, useFieldError } from '../../ui/forms';
import { RestrictedSaveFooter } from '../../ui/form/RestrictedSaveFooter';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';

/** The association's address and registration number, printed on its receipts beside its logo. */
export function AssociationTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const details = useOp('association.details', {});
  if (details.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (details.error) return <OpErrorAlert error={details.error} />;
  return <AssociationForm details={details.data} canEdit={canEdit} />;
}

function AssociationForm({ details, canEdit }: { details: AssociationDetails; canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const fieldError = useFieldError();
  const form = useForm({ resolver: formResolver(associationDetailsSchema), defaultValues: details });
  const { errors, isDirty } = form.formState;
  const fields = { address: form.register('address'), registrationNumber: form.register('registrationNumber') };
  const update = useOpMutation('association.updateDetails', {
    onSuccess: (saved) => {
      client.setQueryData(opKey('association.details', {}), saved);
      form.reset(saved);
    },
  });

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => update.mutate(values))}>
      <UnsavedChangesGuard dirty={isDirty} />
      <Stack maw={560}>
        <Text size="sm">{t('settings.association.help')}</Text>
        <Textarea label={t('settings.association.address')} minRows={2} disabled={!canEdit} {...fields.address} error={fieldError(errors.address)} />
        <TextInput
          label={t('settings.association.registrationNumber')}
          description={t('settings.association.registrationHelp')}
          disabled={!canEdit}
          {...fields.registrationNumber}
          error={fieldError(errors.registrationNumber)}
        />
        <Anchor component={Link} to="/settings/logos" size="sm">
          {t('settings.association.logo')}
        </Anchor>
        <RestrictedSaveFooter canEdit={canEdit} save={update} savedText={t('settings.association.saved')} readOnlyText={t('settings.association.presidentOnly')} />
      </Stack>
    </form>
  );
}
