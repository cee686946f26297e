import { Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportConsent } from '../../../electron/contract';
import { DayInput } from '../../ui/dates/DayInput';

export type ConsentBasis = ImportConsent['basis'];

export interface ConsentDraft {
  basis: ConsentBasis;
  /** For a paper form or a yes/no column: the day the people signed. */
  date: string;
}

const BASES: ConsentBasis[] = ['paperForm', 'answerColumn', 'dateColumn', 'none'];

/** On what ground the rows keep their names and contacts (law 09-08); otherwise pseudonymous records. */
export function ConsentChoice({ value, onChange, dateError }: { value: ConsentDraft; onChange: (next: ConsentDraft) => void; dateError?: string }) {
  const { t } = useTranslation();
  const needsDate = value.basis === 'paperForm' || value.basis === 'answerColumn';
  return (
    <Stack gap="xs" component="section" aria-labelledby="import-consent-title">
      <Title order={3} size="h5" id="import-consent-title">
        {t('import.mapping.consentTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('import.consent.help')}
      </Text>
      <Radio.Group value={value.basis} onChange={(basis) => onChange({ ...value, basis: basis as ConsentBasis })} aria-labelledby="import-consent-title">
        <Stack gap={6}>
          {BASES.map((basis) => (
            <Radio key={basis} value={basis} label={t(`import.consent.${basis}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {needsDate && (
        <DayInput
          label={t('import.consent.date')}
          required
          maw={260}
          value={value.date}
          onChange={(date) => onChange({ ...value, date })}
          error={dateError}
        />
      )}
    </Stack>
  );
}
