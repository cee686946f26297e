import { Button, Checkbox, Fieldset, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useState } from 'react';
import { Controller, useForm, useWatch, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { sexSchema, type Beneficiary, type BeneficiaryInput, type DuplicateCandidate } from '../../../electron/contract';
import { opKey, useOpMutation, type OpFailure } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ConsentSection } from './ConsentSection';
import { BirthYearField, CategoryField, NationalityField } from './basic-fields';
import { DuplicatesModal } from './DuplicatesModal';
import { TextField } from './fields';
import { useBeneficiaryFieldError } from './format';
import { beneficiaryResolver, emptyDraft, formPath, hasServiceConsent, inputOf, type BeneficiaryDraft } from './form-model';
import { PersonalSection } from './PersonalSection';
import { beneficiaryPath } from './paths';
import { keepDraft } from '../../ui/unsaved/kept-draft';
import { afterSave, UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

interface Props {
  /** The record being edited; absent for a new one. */
  existing?: Beneficiary;
  initial: BeneficiaryDraft;
  onCancel: () => void;
}

export function BeneficiaryForm({ existing, initial, onCancel }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const client = useQueryClient();
  const [pending, setPending] = useState<{ input: BeneficiaryInput; candidates: DuplicateCandidate[] } | null>(null);

  const form = useForm<BeneficiaryDraft, unknown, BeneficiaryInput>({
    resolver: beneficiaryResolver,
    defaultValues: initial,
  });
  const scopes = useWatch({ control: form.control, name: 'consent.scopes' });
  const consented = hasServiceConsent({ consent: { ...initial.consent, scopes } });

  /** The core's field errors (`not_in_list`, a date in the future by its clock…) under their inputs. */
  const showFieldErrors = (error: OpFailure) => {
    if (error.code !== 'invalid_input' || !error.fields) return;
    const { phoneIndex } = inputOf(form.getValues());
    Object.entries(error.fields).forEach(([path, key], i) => {
      if (path === '_') return;
      form.setError(formPath(path, phoneIndex) as FieldPath<BeneficiaryDraft>, { type: 'server', message: key }, { shouldFocus: i === 0 });
    });
  };

  const markDifferent = useOpMutation('beneficiaries.markDifferent');
  const saved = (record: Beneficiary) => {
    // Saved after "it is someone else": those people are not proposed with this one again.
    for (const candidate of pending?.candidates ?? []) markDifferent.mutate({ a: record.id, b: candidate.id });
    setPending(null);
    client.setQueryData(opKey('beneficiaries.get', { id: record.id }), record);
    void client.invalidateQueries({ queryKey: opKey('beneficiaries.search') });
    void client.invalidateQueries({ queryKey: opKey('beneficiaries.duplicatePairs') });
    void navigate(beneficiaryPath(record.id), afterSave);
  };
  const onSaveError = (error: OpFailure) => {
    setPending(null);
    showFieldErrors(error);
  };
  const create = useOpMutation('beneficiaries.create', { onSuccess: saved, onError: onSaveError });
  const update = useOpMutation('beneficiaries.update', { onSuccess: saved, onError: onSaveError });
  const check = useOpMutation('beneficiaries.findDuplicates', { onError: showFieldErrors });

  const save = (input: BeneficiaryInput) => {
    if (existing) update.mutate({ id: existing.id, input });
    else create.mutate(input);
  };

  const submit = form.handleSubmit((input) => {
    check.mutate(
      { input, excludeId: existing?.id },
      { onSuccess: (candidates) => (candidates.length > 0 ? setPending({ input, candidates }) : save(input)) },
    );
  });

  const clearPersonal = useCallback(() => {
    form.setValue('personal', emptyDraft().personal);
    form.clearErrors();
  }, [form]);

  const saving = create.isPending || update.isPending;

  return (
    <>
    <form noValidate onSubmit={submit}>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <Stack gap="lg">
        <ConsentSection form={form} onClearPersonal={clearPersonal} />

        <RecordSection form={form} consented={consented} existing={existing} />

        <PersonalSection form={form} enabled={consented} existing={existing} />

        <OpErrorAlert error={check.error ?? create.error ?? update.error} />
        <Group justify="space-between">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={check.isPending || saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>

      <DuplicatesModal
        candidates={pending?.candidates ?? null}
        onClose={() => setPending(null)}
        onConfirm={() => pending && save(pending.input)}
        saving={saving}
        onOpenExisting={() => keepDraft({ path: pathname, values: form.getValues() })}
      />
    </>
  );
}

type Form = UseFormReturn<BeneficiaryDraft, unknown, BeneficiaryInput>;

/** What every record keeps, with or without consent: the pseudonymous part counted in reports. */
const RecordSection = memo(function RecordSection({
  form,
  consented,
  existing,
}: {
  form: Form;
  consented: boolean;
  existing?: Beneficiary;
}) {
  const { t } = useTranslation();
  const fieldError = useBeneficiaryFieldError();
  const sexes = sexSchema.options.map((value) => ({ value, label: t(`core:exports.sexValue.${value}`) }));

  return (
    <Fieldset legend={t('beneficiaries.record.legend')} radius="md">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('beneficiaries.record.help')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="sex"
            render={({ field, fieldState }) => (
              <Radio.Group
                label={t('beneficiaries.field.sex')}
                value={field.value}
                onChange={field.onChange}
                error={fieldError(fieldState.error)}
                withAsterisk
              >
                <Group gap="lg" mt="xs">
                  {sexes.map((sex, i) => (
                    <Radio key={sex.value} value={sex.value} label={sex.label} ref={i === 0 ? field.ref : undefined} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <Group align="flex-start" gap="md" wrap="nowrap">
            <BirthYearField form={form} maw={160} />
            <Controller
              control={form.control}
              name="birthYearEstimated"
              render={({ field }) => (
                <Checkbox
                  mt={32}
                  label={t('beneficiaries.field.birthYearEstimated')}
                  checked={field.value}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                  ref={field.ref}
                />
              )}
            />
          </Group>
          <CategoryField form={form} keep={existing?.category} />
          <NationalityField form={form} />
          {!consented && (
            <TextField
              form={form}
              name="initials"
              label={t('beneficiaries.field.initials')}
              description={t('beneficiaries.field.initialsHelp')}
              maxLength={6}
              withAsterisk
              maw={320}
            />
          )}
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
});
