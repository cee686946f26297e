import { Alert, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importFieldSchema, type ImportField, type ImportPreview } from '../../../electron/contract';
import type { OpFailure } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

export type Mapping = Partial<Record<ImportField, number>>;

const PREVIEW_ROWS = 5;
/** Without these, every row is rejected. */
const ESSENTIAL: ImportField[] = ['sex', 'nationality', 'category'];

/** Step 2: the first rows of the file and, for each field, the column it comes from. */
export function MappingStep({
  fileName,
  preview,
  initial,
  error,
  onBack,
  onImport,
}: {
  fileName: string;
  preview: ImportPreview;
  initial: Mapping;
  error: OpFailure | null;
  onBack: () => void;
  onImport: (mapping: Mapping) => void;
}) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<Mapping>(initial);
  const columnName = (index: number) => preview.headers[index] || t('import.mapping.column', { n: index + 1 });
  const options = [
    { value: '', label: t('import.mapping.ignore') },
    ...preview.headers.map((_, index) => ({ value: String(index), label: columnName(index) })),
  ];

  const missing = ESSENTIAL.filter((field) => mapping[field] === undefined).map((field) => t(`import.fields.${field}`));
  if (mapping.birthDate === undefined && mapping.birthYear === undefined) missing.push(t('import.mapping.birthDateOrYear'));
  const used = Object.values(mapping);
  const twice = [...new Set(used.filter((column, i) => used.indexOf(column) !== i))];

  const set = (field: ImportField, value: string) =>
    setMapping((current) => {
      const next = { ...current };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onImport(mapping);
  };

  return (
    <Stack gap="lg">
      <Text>
        {t('import.mapping.summary', { file: fileName, rows: preview.rowCount, columns: preview.headers.length })}
      </Text>

      <Stack gap="xs" component="section" aria-labelledby="import-preview-title">
        <Title order={2} size="h4" id="import-preview-title">
          {t('import.mapping.previewTitle')}
        </Title>
        <Table.ScrollContainer minWidth={Math.max(600, preview.headers.length * 140)}>
          <Table striped withTableBorder withColumnBorders verticalSpacing={4} fz="sm" aria-labelledby="import-preview-title">
            <Table.Thead>
              <Table.Tr>
                {preview.headers.map((_, index) => (
                  <Table.Th key={index} dir="auto">
                    {columnName(index)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
                <Table.Tr key={r}>
                  {preview.headers.map((_, c) => (
                    <Table.Td key={c} dir="auto">
                      {row[c] ?? ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Paper withBorder p="lg" radius="lg" component="form" onSubmit={submit} noValidate aria-labelledby="import-mapping-title">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h4" id="import-mapping-title">
              {t('import.mapping.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('import.mapping.help')}
            </Text>
          </Stack>
          <Alert color="blue" variant="light" title={t('import.mapping.consentTitle')}>
            {t('import.mapping.consentNote')}
          </Alert>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {importFieldSchema.options.map((field) => (
              <NativeSelect
                key={field}
                label={t(`import.fields.${field}`)}
                data={options}
                value={mapping[field] === undefined ? '' : String(mapping[field])}
                onChange={(event) => set(field, event.currentTarget.value)}
              />
            ))}
          </SimpleGrid>
          {mapping.consentDate === undefined && (
            <Alert color="orange" variant="light">
              {t('import.mapping.noConsentColumn')}
            </Alert>
          )}
          {missing.length > 0 && (
            <Alert color="orange" variant="light" title={t('import.mapping.missingTitle')}>
              <List size="sm">
                {missing.map((label) => (
                  <List.Item key={label}>{label}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {twice.length > 0 && (
            <Alert color="orange" variant="light">
              {t('import.mapping.usedTwice', { columns: twice.map((c) => columnName(c)).join(', ') })}
            </Alert>
          )}
          <OpErrorAlert error={error} />
          <Group justify="space-between">
            <Button variant="default" onClick={onBack}>
              {t('import.mapping.back')}
            </Button>
            <Button type="submit" disabled={preview.rowCount === 0}>
              {t('import.mapping.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
