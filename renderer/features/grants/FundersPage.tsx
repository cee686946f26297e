import { Modal, Stack } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { funderInputSchema, funderTypeSchema, type Funder } from '../../../electron/contract';
import { ModalActions } from '../../ui/ModalActions';
import { DirectoryPage } from './DirectoryPage';
import { useGrantsSave } from './save';
import { SelectField, SwitchField, TextField } from './fields';
import { grantsResolver } from './form';

export function FundersPage() {
  const { t } = useTranslation();
  return (
    <DirectoryPage
      op="grants.funders.list"
      title={t('grants.funders.title')}
      newLabel={t('grants.funders.new')}
      empty={t('grants.funders.empty')}
      columns={[
        { header: t('grants.funders.name'), cell: (f) => f.name },
        { header: t('grants.funders.type'), cell: (f) => t(`grants.funderType.${f.type}`) },
        { header: t('grants.funders.country'), cell: (f) => f.country ?? '—' },
        { header: t('grants.funders.contact'), cell: (f) => f.contact ?? '—' },
      ]}
      modal={(funder, onClose) => <FunderModal funder={funder} onClose={onClose} />}
    />
  );
}

interface FunderDraft {
  name: string;
  type: Funder['type'];
  country: string;
  contact: string;
  archived: boolean;
}

export function FunderModal({ funder, onClose, onSaved }: { funder?: Funder; onClose: () => void; onSaved?: (f: Funder) => void }) {
  const { t } = useTranslation();
  const form = useForm<FunderDraft, unknown, z.output<typeof funderInputSchema>>({
    defaultValues: { name: funder?.name ?? '', type: funder?.type ?? 'bilateral', country: funder?.country ?? '', contact: funder?.contact ?? '', archived: Boolean(funder?.archivedAt) },
    resolver: grantsResolver(funderInputSchema, (d) => ({
      ...(funder ? { id: funder.id } : {}),
      name: d.name,
      type: d.type,
      country: d.country.trim().toUpperCase() || null,
      contact: d.contact,
      archived: d.archived,
    })),
  });
  const save = useGrantsSave('grants.funders.save', form, (saved) => {
    onSaved?.(saved);
    onClose();
  });
  const { control } = form;
  return (
    <Modal opened onClose={onClose} title={funder ? t('grants.funders.edit') : t('grants.funders.new')}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <TextField control={control} name="name" label={t('grants.funders.name')} required data-autofocus />
          <SelectField control={control} name="type" label={t('grants.funders.type')} data={funderTypeSchema.options.map((v) => ({ value: v, label: t(`grants.funderType.${v}`) }))} />
          <TextField control={control} name="country" label={t('grants.funders.country')} description={t('grants.funders.countryHint')} maxLength={2} />
          <TextField control={control} name="contact" label={t('grants.funders.contact')} />
          {funder && (
            <SwitchField control={control} name="archived" label={t('grants.archived')} />
          )}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
