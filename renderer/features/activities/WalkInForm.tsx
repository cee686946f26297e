import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sexSchema, type RegistrationOutcome } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useBeneficiaryFieldError } from '../beneficiaries/format';
import { newPath } from '../beneficiaries/paths';
import { BirthYearInput, CategorySelect, NationalitySelect } from './beneficiaryBasics';

type Sex = (typeof sexSchema.options)[number];
type Field = 'initials' | 'sex' | 'birthYear' | 'category' | 'nationality';
const FIELDS: readonly Field[] = ['initials', 'sex', 'birthYear', 'category', 'nationality'];
const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

/** Someone registered on the spot: a pseudonymous record (initials, sex, birth year, category, nationality). */
export function WalkInForm({ activityId, onDone }: { activityId: string; onDone: (outcome: RegistrationOutcome) => void }) {
  const { t } = useTranslation();
  const [initials, setInitials] = useState('');
  const [sex, setSex] = useState<Sex | null>(null);
  const [birthYear, setBirthYear] = useState<number | ''>('');
  const [category, setCategory] = useState<string | null>(null);
  const [nationality, setNationality] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const fieldError = useBeneficiaryFieldError();
  const walkIn = useOpMutation('registrations.walkIn', {
    onSuccess: (result) => {
      setInitials('');
      setBirthYear('');
      onDone(result.outcome);
    },
    // The core's refusals name `beneficiary.<field>` (a category taken off the list, initials it reads differently…).
    onError: (failure) => {
      const found: Partial<Record<Field, string>> = {};
      for (const [path, code] of Object.entries(failure.fields ?? {})) {
        const name = path.split('.')[1] ?? '';
        if (isField(name)) found[name] = fieldError({ message: code });
      }
      setErrors(found);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required = t('validation.required');
    const found: Partial<Record<Field, string>> = {};
    if (initials.trim() === '') found.initials = t('beneficiaries.validation.initials_required');
    if (sex === null) found.sex = required;
    if (birthYear === '') found.birthYear = required;
    if (category === null) found.category = required;
    if (nationality === null) found.nationality = required;
    setErrors(found);
    if (Object.keys(found).length > 0 || sex === null || birthYear === '' || category === null || nationality === null) return;
    walkIn.mutate({
      activityId,
      beneficiary: {
        initials: initials.trim(),
        sex,
        birthYear,
        birthYearEstimated: false,
        category,
        nationality,
        consent: null,
        personal: null,
      },
    });
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={t('activities.walkIn.title')}>
      <Stack gap="sm">
        <Title order={3}>{t('activities.walkIn.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('activities.walkIn.help')}{' '}
          <Anchor component={Link} to={newPath}>
            {t('activities.walkIn.fullForm')}
          </Anchor>
        </Text>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('beneficiaries.field.initials')}
            value={initials}
            onChange={(e) => setInitials(e.currentTarget.value)}
            maxLength={6}
            w={140}
            required
            error={errors.initials}
          />
          <Select
            label={t('beneficiaries.field.sex')}
            data={sexSchema.options.map((value) => ({ value, label: t(`beneficiaries.sex.${value}`) }))}
            value={sex}
            onChange={(v) => setSex(v === 'female' || v === 'male' ? v : null)}
            w={130}
            required
            error={errors.sex}
          />
          <BirthYearInput value={birthYear} onChange={setBirthYear} error={errors.birthYear} />
          <CategorySelect value={category} onChange={setCategory} error={errors.category} />
          <NationalitySelect value={nationality} onChange={setNationality} error={errors.nationality} />
          <Button type="submit" loading={walkIn.isPending} mt={25}>
            {t('activities.walkIn.submit')}
          </Button>
        </Group>
        {Object.keys(errors).length === 0 && <OpErrorAlert error={walkIn.error} />}
      </Stack>
    </Paper>
  );
}
