import { Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodedField, ImportValueChoices, ImportValueQuestion } from '../../../electron/contract';
import type { OpFailure } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useCodeOptions } from './codeOptions';

const keyOf = (q: ImportValueQuestion) => `${q.field}\u0000${q.value}`;

/** Step 3: each value of a coded column the app does not know, matched once for the whole file (and remembered). */
export function ValuesStep({
  questions,
  error,
  onBack,
  onImport,
}: {
  questions: ImportValueQuestion[];
  error: OpFailure | null;
  onBack: () => void;
  onImport: (values: ImportValueChoices) => void;
}) {
  const { t } = useTranslation();
  const optionsOf = useCodeOptions();
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(questions.map((q) => [keyOf(q), q.suggestion ?? ''])),
  );
  // An unmatched city is kept as written; any other unmatched value refuses its rows.
  const unmatched = questions.filter((q) => q.field !== 'city' && !chosen[keyOf(q)]).reduce((sum, q) => sum + q.count, 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values: ImportValueChoices = {};
    for (const q of questions) {
      const code = chosen[keyOf(q)];
      if (code) (values[q.field] ??= {})[q.value] = code;
    }
    onImport(values);
  };

  return (
    <Paper withBorder p="lg" radius="lg" component="form" onSubmit={submit} noValidate aria-labelledby="import-values-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="import-values-title">
            {t('import.values.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('import.values.help')}
          </Text>
        </Stack>
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs" aria-labelledby="import-values-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.values.column')}</Table.Th>
                <Table.Th>{t('import.values.written')}</Table.Th>
                <Table.Th w={90}>{t('import.values.rows')}</Table.Th>
                <Table.Th>{t('import.values.means')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {questions.map((q) => {
                const field: CodedField = q.field;
                return (
                  <Table.Tr key={keyOf(q)}>
                    <Table.Td>{t(`import.fields.${field}`)}</Table.Td>
                    <Table.Td dir="auto">{q.value}</Table.Td>
                    <Table.Td>{q.count}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t('import.values.choose', { field: t(`import.fields.${field}`), value: q.value })}
                        data={[
                          { value: '', label: t(field === 'city' ? 'import.values.keepAsWritten' : 'import.values.unmatched') },
                          ...optionsOf(field, q.choices),
                        ]}
                        value={chosen[keyOf(q)] ?? ''}
                        onChange={(event) => {
                          const code = event.currentTarget.value;
                          setChosen((current) => ({ ...current, [keyOf(q)]: code }));
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" c={unmatched > 0 ? 'orange.8' : 'dimmed'} aria-live="polite">
          {unmatched > 0 ? t('import.values.stillUnmatched', { rows: unmatched }) : t('import.values.remembered')}
        </Text>
        <OpErrorAlert error={error} />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('import.values.back')}
          </Button>
          <Button type="submit">{t('import.mapping.submit')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
