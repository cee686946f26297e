import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso, type MemberRegistrationInput, type MemberRow } from '../../../electron/contract';
import type { OpFailure } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useBeneficiaryFieldError } from '../beneficiaries/format';
import { BirthYearInput, CategorySelect, NationalitySelect } from './beneficiaryBasics';

type Details = NonNullable<MemberRegistrationInput['details']>;
type Field = 'category' | 'nationality' | 'birthYear';

/** Where the core's refusals land: `details.<field>`, or the beneficiary record's own `category`. */
function fieldOf(path: string): Field | null {
  const name = path.replace(/^details\./, '');
  return name === 'category' || name === 'nationality' || name === 'birthYear' ? name : null;
}

/**
 * A member without a beneficiary record: what the member record does not hold, and whether they
 * consent to service delivery (then their names, birth date and phones are copied; else the record is
 * pseudonymous, as for a walk-in).
 */
export function MemberRegistrationForm({
  member,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  member: MemberRow;
  busy: boolean;
  error: OpFailure | null;
  onSubmit: (details: Details) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fieldError = useBeneficiaryFieldError();
  const [category, setCategory] = useState<string | null>(null);
  const [nationality, setNationality] = useState<string | null>(null);
  const [birthYear, setBirthYear] = useState<number | ''>('');
  const [consent, setConsent] = useState(false);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const refused: Partial<Record<Field, string>> = {};
  for (const [path, code] of Object.entries(error?.fields ?? {})) {
    const field = fieldOf(path);
    if (field) refused[field] = code === 'required' ? t('validation.required') : fieldError({ message: code });
  }
  const errors = { ...refused, ...missing };
  const needsBirthYear = !member.birthDate;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (category === null) found.category = t('validation.required');
    if (nationality === null) found.nationality = t('validation.required');
    if (needsBirthYear && birthYear === '') found.birthYear = t('validation.required');
    setMissing(found);
    if (category === null || nationality === null || Object.keys(found).length > 0) return;
    onSubmit({
      category,
      nationality,
      ...(needsBirthYear && birthYear !== '' ? { birthYear } : {}),
      consent: consent ? { date: todayIso(), givenBy: 'person', scopes: ['service'] } : null,
    });
  };

  const name = `${member.firstName} ${member.lastName}`;
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={t('activities.members.formTitle', { name, number: member.number })}>
      <Stack gap="sm">
        <Title order={3}>{t('activities.members.formTitle', { name, number: member.number })}</Title>
        <Text size="sm" c="dimmed">
          {t('activities.members.formHelp')}
        </Text>
        <Group align="flex-start" gap="sm">
          <CategorySelect value={category} onChange={setCategory} error={errors.category} />
          <NationalitySelect value={nationality} onChange={setNationality} error={errors.nationality} />
          {needsBirthYear && <BirthYearInput value={birthYear} onChange={setBirthYear} error={errors.birthYear} />}
        </Group>
        <Checkbox label={t('activities.members.consent')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
        {error && Object.keys(refused).length === 0 && <OpErrorAlert error={error} />}
        <Group>
          <Button type="submit" loading={busy}>
            {t('activities.members.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('activities.members.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
