import { NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../electron/contract';
import { useCodeOptions } from './codeOptions';
import type { Mapping } from './MappingStep';

const CODED = ['category', 'nationality', 'sex', 'legalStatus'] as const;

/** One value for all the rows, for each field the file has no column for ("all these people: refugees"). */
export function BatchValues({ mapping, batch, onChange }: { mapping: Mapping; batch: ImportBatch; onChange: (batch: ImportBatch) => void }) {
  const { t } = useTranslation();
  const optionsOf = useCodeOptions();
  const unmapped = CODED.filter((field) => mapping[field] === undefined);
  const set = (field: keyof ImportBatch, value: string) => {
    const next = { ...batch };
    if (value.trim() === '') delete next[field];
    else Object.assign(next, { [field]: value });
    onChange(next);
  };
  if (unmapped.length === 0 && mapping.city !== undefined) return null;

  return (
    <Stack gap="xs" component="section" aria-labelledby="import-batch-title">
      <Title order={3} size="h5" id="import-batch-title">
        {t('import.batch.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('import.batch.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {unmapped.map((field) => (
          <NativeSelect
            key={field}
            label={t('import.batch.allPeople', { field: t(`import.fields.${field}`) })}
            data={[{ value: '', label: t('import.batch.none') }, ...optionsOf(field)]}
            value={batch[field] ?? ''}
            onChange={(event) => set(field, event.currentTarget.value)}
          />
        ))}
        {mapping.city === undefined && (
          <TextInput
            label={t('import.batch.allPeople', { field: t('import.fields.city') })}
            value={batch.city ?? ''}
            maxLength={120}
            onChange={(event) => set('city', event.currentTarget.value)}
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}
