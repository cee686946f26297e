import { Anchor, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sexSchema, type RegistrationOutcome } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useCountryOptions } from '../beneficiaries/countries';
import { useLookupLabels } from '../beneficiaries/lookups';
import { newPath } from '../beneficiaries/paths';

type Sex = (typeof sexSchema.options)[number];

/** Someone registered on the spot: a pseudonymous record (initials, sex, birth year, category, nationality). */
export function WalkInForm({ activityId, onDone }: { activityId: string; onDone: (outcome: RegistrationOutcome) => void }) {
  const { t } = useTranslation();
  const lookups = useLookupLabels();
  const countries = useCountryOptions();
  const [initials, setInitials] = useState('');
  const [sex, setSex] = useState<Sex | null>(null);
  const [birthYear, setBirthYear] = useState<number | ''>('');
  const [category, setCategory] = useState<string | null>(null);
  const [nationality, setNationality] = useState<string | null>(null);
  const walkIn = useOpMutation('registrations.walkIn', {
    onSuccess: (result) => {
      setInitials('');
      setBirthYear('');
      onDone(result.outcome);
    },
  });
  const ready = initials.trim() !== '' && sex !== null && birthYear !== '' && category !== null && nationality !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
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
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('activities.walkIn.title')}>
      <Stack gap="sm">
        <Title order={3}>{t('activities.walkIn.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('activities.walkIn.help')}{' '}
          <Anchor component={Link} to={newPath}>
            {t('activities.walkIn.fullForm')}
          </Anchor>
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('beneficiaries.field.initials')} value={initials} onChange={(e) => setInitials(e.currentTarget.value)} maxLength={6} w={100} required />
          <Select
            label={t('beneficiaries.field.sex')}
            data={sexSchema.options.map((value) => ({ value, label: t(`beneficiaries.sex.${value}`) }))}
            value={sex}
            onChange={(v) => setSex(v === 'female' || v === 'male' ? v : null)}
            w={130}
            required
          />
          <NumberInput
            label={t('beneficiaries.field.birthYear')}
            min={1900}
            max={new Date().getFullYear()}
            allowDecimal={false}
            value={birthYear}
            onChange={(v) => setBirthYear(typeof v === 'number' ? v : '')}
            w={150}
            required
          />
          <Select label={t('beneficiaries.field.category')} data={lookups.options('category')} value={category} onChange={setCategory} searchable w={240} required />
          <Select label={t('beneficiaries.field.nationality')} data={countries} value={nationality} onChange={setNationality} searchable w={220} required />
          <Button type="submit" disabled={!ready} loading={walkIn.isPending}>
            {t('activities.walkIn.submit')}
          </Button>
        </Group>
        <OpErrorAlert error={walkIn.error} />
      </Stack>
    </Paper>
  );
}
