import { Button, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type Control, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { memberInputSchema, todayIso, type Member, type MemberInput } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { FormDateField } from '../../ui/dates/DateField';
import { TextField } from '../../ui/fields';
import { useFieldError } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { PersonSearch } from '../activities/PersonSearch';
import { useMemberOptions } from './labels';
import { memberPath, membersPath } from './paths';
import { areaResolver, showFieldProblems } from './problems';
import { afterSave, UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

/** Blank optional fields are absent, not empty strings (dates and numbers would not parse). */
const emptyToNull = (value: unknown) => (value === '' ? null : value);

const defaultsOf = (m?: Member): MemberInput => ({
  ...(m ? { id: m.id } : {}),
  number: m?.number ?? null,
  firstName: m?.firstName ?? '',
  lastName: m?.lastName ?? '',
  arabicName: m?.arabicName ?? '',
  sex: m?.sex ?? 'female',
  birthDate: m?.birthDate ?? null,
  phones: m?.phones ?? [],
  email: m?.email ?? '',
  address: m?.address ?? '',
  joinDate: m?.joinDate ?? todayIso(),
  category: m?.category ?? 'standard',
  status: m?.status ?? 'active',
  statusDate: m?.statusDate ?? null,
  role: m?.role ?? 'member',
  mandateStart: m?.mandateStart ?? null,
  mandateEnd: m?.mandateEnd ?? null,
  beneficiaryId: m?.beneficiaryId ?? null,
});

export function NewMemberPage() {
  return <MemberForm />;
}

export function EditMemberPage() {
  const { id = '' } = useParams();
  const detail = useOp('members.get', { id });
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  return <MemberForm key={id} member={detail.data.member} beneficiaryReference={detail.data.beneficiaryReference} />;
}

/** Phones typed on one line, separated by commas; the text stays as typed while the value is the list. */
function PhonesInput({ value, onChange, error }: { value: string[]; onChange: (phones: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.join(', '));
  return (
    <TextInput
      label={t('members.field.phones')}
      description={t('members.form.phonesHelp')}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(
          e.currentTarget.value
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        );
      }}
      error={error}
    />
  );
}

function SelectField({
  control,
  name,
  label,
  data,
}: {
  control: Control<MemberInput>;
  name: FieldPath<MemberInput>;
  label: string;
  data: { value: string; label: string }[];
}) {
  const fieldError = useFieldError();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          label={label}
          data={data}
          name={field.name}
          value={(field.value as string | undefined) ?? null}
          onChange={(v) => field.onChange(v)}
          onBlur={field.onBlur}
          ref={field.ref}
          allowDeselect={false}
          error={fieldError(fieldState.error)}
        />
      )}
    />
  );
}

function MemberForm({ member, beneficiaryReference }: { member?: Member; beneficiaryReference?: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useMemberOptions();
  const [linked, setLinked] = useState<string | null>(beneficiaryReference ?? null);
  const form = useForm({ resolver: areaResolver(memberInputSchema), defaultValues: defaultsOf(member) });
  const { control, handleSubmit, setValue, watch } = form;
  const save = useOpMutation('members.save', {
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('members.') || String(q.queryKey[0]).startsWith('dues.') });
      await navigate(memberPath(saved.id), afterSave);
    },
    onError: (error) => showFieldProblems(form, error),
  });
  const status = watch('status');

  return (
    <form noValidate onSubmit={handleSubmit((values) => save.mutate(values))}>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <Stack gap="md" maw={900}>
        <Title order={1}>{member ? t('members.form.editTitle', { number: member.number }) : t('members.form.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField form={form} name="number" rules={{ setValueAs: emptyToNull }} label={t('members.field.number')} description={t('members.form.numberHelp')} />
          <FormDateField form={form} name="joinDate" label={t('members.field.joinDate')} required />
          <TextField form={form} name="firstName" label={t('members.field.firstName')} required />
          <TextField form={form} name="lastName" label={t('members.field.lastName')} required />
          <TextField form={form} name="arabicName" label={t('members.field.arabicName')} dir="rtl" lang="ar" />
          <SelectField
            control={control}
            name="sex"
            label={t('members.field.sex')}
            data={[
              { value: 'female', label: t('core:exports.sexValue.female') },
              { value: 'male', label: t('core:exports.sexValue.male') },
            ]}
          />
          <FormDateField form={form} name="birthDate" nullable label={t('members.field.birthDate')} />
          <Controller
            control={control}
            name="phones"
            render={({ field, fieldState }) => (
              <PhonesInput
                value={field.value ?? []}
                onChange={field.onChange}
                error={fieldState.error || form.formState.errors.phones ? t('members.problems.invalid_phone') : undefined}
              />
            )}
          />
          <TextField form={form} name="email" type="email" label={t('members.field.email')} />
          <TextField form={form} name="address" label={t('members.field.address')} />
          <SelectField control={control} name="category" label={t('members.field.category')} data={options.category} />
          <SelectField control={control} name="role" label={t('members.field.role')} data={options.role} />
          <SelectField control={control} name="status" label={t('members.field.status')} data={options.status} />
          {status !== 'active' && <FormDateField form={form} name="statusDate" nullable label={t('members.field.statusDate')} />}
          <FormDateField form={form} name="mandateStart" nullable label={t('members.field.mandateStart')} />
          <FormDateField form={form} name="mandateEnd" nullable label={t('members.field.mandateEnd')} />
        </SimpleGrid>
        <Stack gap="xs">
          <Text fw={500}>{t('members.form.beneficiary')}</Text>
          {linked ? (
            <Group gap="sm">
              <Text>{t('members.form.linkedTo', { reference: linked })}</Text>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => {
                  setValue('beneficiaryId', null);
                  setLinked(null);
                }}
              >
                {t('members.form.unlink')}
              </Button>
            </Group>
          ) : (
            <PersonSearch
              exclude={new Set()}
              pickLabel={t('members.form.link')}
              onPick={(row) => {
                setValue('beneficiaryId', row.id);
                setLinked(`${row.reference} — ${row.displayName}`);
              }}
            />
          )}
        </Stack>
        <OpErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button component={Link} to={member ? memberPath(member.id) : membersPath} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
