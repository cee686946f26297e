import { Anchor, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sexSchema, type BeneficiaryInput, type DuplicateCandidate, type OpOutput } from '../../../electron/contract';
import { useOpMutation, type OpFailure } from '../../app/ops';
import { FormActions } from '../../ui/FormActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ConsentSection } from '../beneficiaries/ConsentSection';
import { DuplicatesModal } from '../beneficiaries/DuplicatesModal';
import { BirthYearField, CategoryField, NationalityField } from '../beneficiaries/basic-fields';
import { SelectField, TextField } from '../beneficiaries/fields';
import { useBeneficiaryFieldError } from '../beneficiaries/format';
import { beneficiaryResolver, emptyDraft, formPath, inputOf, type BeneficiaryDraft } from '../beneficiaries/form-model';
import { newPath } from '../beneficiaries/paths';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

export type WalkInResult = OpOutput<'registrations.walkIn'>;

/** The core names the record's fields under `beneficiary.`; those are shown at their inputs. */
const BENEFICIARY = 'beneficiary.';
const refusedAtFields = (failure: OpFailure | null): boolean =>
  failure?.code === 'invalid_input' && Object.keys(failure.fields ?? {}).some((path) => path.startsWith(BENEFICIARY));

interface Props {
  activityId: string;
  /** A session the person is also marked present at, in the same operation (the attendance screen). */
  presentAt?: string;
  /** Focus the first field on opening, for a form opened on demand. */
  autoFocus?: boolean;
  onDone: (result: WalkInResult) => void;
  /** The person already has a record: the caller registers that one, the way it registers anyone it finds. */
  onPickExisting: (candidate: DuplicateCandidate) => void;
  onCancel?: () => void;
}

/**
 * Someone registered on the spot, under the beneficiary record's consent rules (law 09-08): with
 * consent to service delivery their names and phone are recorded; without it, a pseudonymous record
 * (initials, sex, birth year, category, nationality). The form model and checks are the beneficiary
 * form's, so the contract's errors land on the same inputs. A named person is first compared with
 * the records already kept, as the beneficiary form does, so someone who came before keeps one record.
 */
export function WalkInForm({ activityId, presentAt, autoFocus = false, onDone, onPickExisting, onCancel }: Props) {
  const { t } = useTranslation();
  const fieldError = useBeneficiaryFieldError();
  const form = useForm<BeneficiaryDraft, unknown, BeneficiaryInput>({ resolver: beneficiaryResolver, defaultValues: emptyDraft() });
  const scopes = useWatch({ control: form.control, name: 'consent.scopes' });
  const consented = scopes.includes('service');
  const [pending, setPending] = useState<{ beneficiary: BeneficiaryInput; candidates: DuplicateCandidate[] } | null>(null);

  useEffect(() => {
    if (autoFocus) form.setFocus('consent.scopes');
  }, [autoFocus, form]);

  const walkIn = useOpMutation('registrations.walkIn', {
    onSuccess: (result) => {
      setPending(null);
      // Everything is cleared: the next person's consent and facts are their own.
      form.reset(emptyDraft());
      onDone(result);
    },
    onError: (failure) => {
      setPending(null);
      if (!refusedAtFields(failure)) return;
      const { phoneIndex } = inputOf(form.getValues());
      Object.entries(failure.fields ?? {})
        .filter(([path]) => path.startsWith(BENEFICIARY))
        .forEach(([path, code], i) => {
          const name = formPath(path.slice(BENEFICIARY.length), phoneIndex) as FieldPath<BeneficiaryDraft>;
          form.setError(name, { type: 'server', message: code }, { shouldFocus: i === 0 });
        });
    },
  });

  const clearPersonal = useCallback(() => {
    form.setValue('personal', emptyDraft().personal);
    form.clearErrors();
  }, [form]);

  const check = useOpMutation('beneficiaries.findDuplicates');
  const register = (beneficiary: BeneficiaryInput) => walkIn.mutate({ activityId, beneficiary, presentAt });
  const submit = form.handleSubmit((beneficiary) => {
    // A pseudonymous record has no name or phone to compare: the core would find nobody.
    if (!beneficiary.personal) {
      register(beneficiary);
      return;
    }
    check.mutate(
      { input: beneficiary },
      { onSuccess: (candidates) => (candidates.length > 0 ? setPending({ beneficiary, candidates }) : register(beneficiary)) },
    );
  });
  const pickExisting = (candidate: DuplicateCandidate) => {
    setPending(null);
    // What was typed described someone already kept: nothing of it is saved.
    form.reset(emptyDraft());
    onPickExisting(candidate);
  };
  const sexes = sexSchema.options.map((value) => ({ value, label: t(`core:exports.sexValue.${value}`) }));

  return (
    <>
      <Paper withBorder p="md" component="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('activities.walkIn.title')}>
        <Stack gap="sm">
          <Title order={3}>{t('activities.walkIn.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('activities.walkIn.help')}{' '}
            <Anchor component={Link} to={newPath}>
              {t('activities.walkIn.fullForm')}
            </Anchor>
          </Text>
          <ConsentSection form={form} onClearPersonal={clearPersonal} />
          <Group align="flex-start" gap="sm">
            <SelectField form={form} name="sex" label={t('beneficiaries.field.sex')} data={sexes} w={130} withAsterisk />
            <BirthYearField form={form} w={150} />
            <CategoryField form={form} w={240} />
            <NationalityField form={form} w={220} />
            {!consented && <TextField form={form} name="initials" label={t('beneficiaries.field.initials')} maxLength={6} w={140} withAsterisk />}
          </Group>
          {consented && (
            <Group align="flex-start" gap="sm">
              <TextField form={form} name="personal.firstName" label={t('beneficiaries.field.firstName')} withAsterisk />
              <TextField form={form} name="personal.lastName" label={t('beneficiaries.field.lastName')} withAsterisk />
              <TextField form={form} name="personal.arabicName" label={t('beneficiaries.field.arabicName')} dir="rtl" lang="ar" />
              <Controller
                control={form.control}
                name="personal.phones.0"
                render={({ field, fieldState }) => (
                  <TextInput
                    type="tel"
                    dir="ltr"
                    autoComplete="off"
                    label={t('activities.walkIn.phone')}
                    description={t('activities.walkIn.phoneHelp')}
                    {...field}
                    error={fieldError(fieldState.error)}
                  />
                )}
              />
            </Group>
          )}
          <OpErrorAlert error={check.error ?? (refusedAtFields(walkIn.error) ? null : walkIn.error)} />
          <FormActions label={t('activities.walkIn.submit')} saving={check.isPending || walkIn.isPending} onCancel={onCancel} />
        </Stack>
      </Paper>
      <DuplicatesModal
        candidates={pending?.candidates ?? null}
        onClose={() => setPending(null)}
        onConfirm={() => pending && register(pending.beneficiary)}
        onPick={pickExisting}
        saving={walkIn.isPending}
      />
    </>
  );
}
