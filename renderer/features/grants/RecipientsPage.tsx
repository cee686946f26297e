import { Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { recipientInputSchema, recipientKindSchema, type Recipient } from '../../../electron/contract';
import { ModalActions } from '../../ui/ModalActions';
import { PersonSearch } from '../activities/PersonSearch';
import { DirectoryPage } from './DirectoryPage';
import { useGrantsSave } from './save';
import { SegmentedField, SwitchField, TextField } from './fields';
import { grantsResolver, useGrantsFieldError } from './form';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

/** Organisations, individuals (beneficiaries) and companies that receive grants. */
export function RecipientsPage() {
  const { t } = useTranslation();
  return (
    <DirectoryPage
      op="grants.recipients.list"
      title={t('grants.recipients.title')}
      newLabel={t('grants.recipients.new')}
      empty={t('grants.recipients.empty')}
      columns={[
        { header: t('grants.recipients.name'), cell: (r) => r.name },
        { header: t('grants.recipients.kind'), cell: (r) => t(`core:exports.recipientKind.${r.kind}`) },
        { header: t('grants.recipients.city'), cell: (r) => r.city ?? '—' },
        { header: t('grants.recipients.rib'), cell: (r) => r.rib ?? '—', dir: 'ltr' },
      ]}
      modal={(recipient, onClose) => <RecipientModal recipient={recipient} onClose={onClose} />}
    />
  );
}

interface RecipientDraft {
  kind: Recipient['kind'];
  name: string;
  legalForm: string;
  registrationNumber: string;
  city: string;
  president: string;
  contact: string;
  rib: string;
  beneficiaryId: string;
  archived: boolean;
}

export function RecipientModal({ recipient, onClose, onSaved }: { recipient?: Recipient; onClose: () => void; onSaved?: (r: Recipient) => void }) {
  const { t } = useTranslation();
  const fieldError = useGrantsFieldError();
  const [personName, setPersonName] = useState(recipient?.beneficiaryId ? recipient.name : '');
  const form = useForm<RecipientDraft, unknown, z.output<typeof recipientInputSchema>>({
    defaultValues: {
      kind: recipient?.kind ?? 'organisation',
      name: recipient?.kind === 'individual' ? '' : (recipient?.name ?? ''),
      legalForm: recipient?.legalForm ?? '',
      registrationNumber: recipient?.registrationNumber ?? '',
      city: recipient?.city ?? '',
      president: recipient?.president ?? '',
      contact: recipient?.contact ?? '',
      rib: recipient?.rib ?? '',
      beneficiaryId: recipient?.beneficiaryId ?? '',
      archived: Boolean(recipient?.archivedAt),
    },
    resolver: grantsResolver(recipientInputSchema, (d) => {
      const individual = d.kind === 'individual';
      return {
        ...(recipient ? { id: recipient.id } : {}),
        ...d,
        name: individual ? null : d.name,
        legalForm: individual ? null : d.legalForm,
        registrationNumber: individual ? null : d.registrationNumber,
        president: individual ? null : d.president,
        beneficiaryId: individual ? d.beneficiaryId : null,
      };
    }),
  });
  const save = useGrantsSave('grants.recipients.save', form, (saved) => {
    onSaved?.(saved);
    onClose();
  });
  const { control } = form;
  const kind = useWatch({ control, name: 'kind' });
  const beneficiaryId = useWatch({ control, name: 'beneficiaryId' });
  const personError = fieldError(form.formState.errors.beneficiaryId);
  const individual = kind === 'individual';
  return (
    <Modal opened onClose={onClose} size="lg" title={recipient ? t('grants.recipients.edit') : t('grants.recipients.new')}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <SegmentedField
            control={control}
            name="kind"
            data={recipientKindSchema.options.map((k) => ({ value: k, label: t(`core:exports.recipientKind.${k}`) }))}
            label={t('grants.recipients.kind')}
          />
          {individual ? (
            <Stack gap="xs">
              <Text size="sm">{beneficiaryId ? t('grants.recipients.person', { name: personName }) : t('grants.recipients.pickPerson')}</Text>
              {personError && (
                <Text c="red" size="sm" role="alert">
                  {personError}
                </Text>
              )}
              <PersonSearch
                exclude={new Set(beneficiaryId ? [beneficiaryId] : [])}
                pickLabel={t('grants.recipients.choose')}
                onPick={(row) => {
                  setPersonName(row.displayName);
                  form.setValue('beneficiaryId', row.id, { shouldValidate: form.formState.isSubmitted });
                }}
              />
            </Stack>
          ) : (
            <TextField control={control} name="name" label={t('grants.recipients.name')} required data-autofocus />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {!individual && <TextField control={control} name="legalForm" label={t('grants.recipients.legalForm')} />}
            {!individual && <TextField control={control} name="registrationNumber" label={t('grants.recipients.registrationNumber')} />}
            <TextField control={control} name="city" label={t('grants.recipients.city')} />
            {!individual && <TextField control={control} name="president" label={t('grants.recipients.president')} />}
            <TextField control={control} name="contact" label={t('grants.recipients.contact')} />
          </SimpleGrid>
          <TextField control={control} name="rib" label={t('grants.recipients.rib')} description={t('grants.recipients.ribHint')} dir="ltr" inputMode="numeric" />
          {recipient && (
            <SwitchField control={control} name="archived" label={t('grants.archived')} />
          )}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
