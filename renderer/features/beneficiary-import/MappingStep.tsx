import { Alert, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  importConsentSchema,
  importFieldSchema,
  splitFullName,
  type ImportBatch,
  type ImportConsent,
  type ImportField,
  type ImportPreview,
} from '../../../electron/contract';
import type { OpFailure } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { BatchValues } from './BatchValues';
import { ConsentChoice, type ConsentDraft } from './ConsentChoice';

export type Mapping = Partial<Record<ImportField, number>>;

export interface ImportSetup {
  headerRow: number;
  mapping: Mapping;
  batch: ImportBatch;
  consent: ImportConsent;
}

const PREVIEW_ROWS = 5;
const SPLIT_ROWS = 3;
/** Without these (a column or one value for all), every row is rejected. */
const ESSENTIAL = ['sex', 'nationality', 'category'] as const;

const lineLabel = (cells: string[]) => {
  const text = [...new Set(cells.filter(Boolean))].join(' | ');
  return text.length > 70 ? `${text.slice(0, 70)}…` : text;
};

function initialConsent(mapping: Mapping, consent?: ImportConsent): ConsentDraft {
  if (consent) return { basis: consent.basis, date: 'date' in consent ? consent.date : '' };
  if (mapping.consentAnswer !== undefined) return { basis: 'answerColumn', date: '' };
  return { basis: mapping.consentDate !== undefined ? 'dateColumn' : 'none', date: '' };
}

/** Step 2: the title line, the column of each field, one value for all rows where a column is missing, and the consent. */
export function MappingStep({
  fileName,
  preview,
  initial,
  error,
  busy,
  onBack,
  onHeaderRow,
  onContinue,
}: {
  fileName: string;
  preview: ImportPreview;
  initial: { mapping: Mapping; batch?: ImportBatch; consent?: ImportConsent };
  error: OpFailure | null;
  busy: boolean;
  onBack: () => void;
  onHeaderRow: (line: number) => void;
  onContinue: (setup: ImportSetup) => void;
}) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<Mapping>(initial.mapping);
  const [batch, setBatch] = useState<ImportBatch>(initial.batch ?? {});
  const [consent, setConsent] = useState<ConsentDraft>(initialConsent(initial.mapping, initial.consent));
  const [dateError, setDateError] = useState<string | undefined>();
  const columnName = (index: number) => preview.headers[index] || t('import.mapping.column', { n: index + 1 });
  const options = [
    { value: '', label: t('import.mapping.ignore') },
    ...preview.headers.map((_, index) => ({ value: String(index), label: columnName(index) })),
  ];

  const missing: string[] = ESSENTIAL.filter((field) => mapping[field] === undefined && batch[field] === undefined).map((field) =>
    t(`import.fields.${field}`),
  );
  if (mapping.birthDate === undefined && mapping.birthYear === undefined) missing.push(t('import.mapping.birthDateOrYear'));
  if (consent.basis === 'answerColumn' && mapping.consentAnswer === undefined) missing.push(t('import.fields.consentAnswer'));
  const used = Object.values(mapping);
  const twice = [...new Set(used.filter((column, i) => used.indexOf(column) !== i))];
  const fullNameColumn = mapping.fullName;

  const set = (field: ImportField, value: string) =>
    setMapping((current) => {
      const next = { ...current };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = importConsentSchema.safeParse(
      consent.basis === 'paperForm' || consent.basis === 'answerColumn' ? consent : { basis: consent.basis },
    );
    if (!chosen.success) {
      const problem = chosen.error.issues[0]?.message;
      setDateError(t(problem === 'date_in_future' ? 'import.consent.dateInFuture' : 'import.consent.dateRequired'));
      return;
    }
    setDateError(undefined);
    onContinue({ headerRow: preview.headerRow, mapping, batch, consent: chosen.data });
  };

  return (
    <Stack gap="lg">
      <Text>{t('import.mapping.summary', { file: fileName, rows: preview.rowCount, columns: preview.headers.length })}</Text>

      <NativeSelect
        label={t('import.mapping.headerRow')}
        description={t('import.mapping.headerRowHelp')}
        maw={640}
        disabled={busy}
        data={preview.topRows.map((row) => ({ value: String(row.line), label: t('import.mapping.line', { n: row.line, text: lineLabel(row.cells) }) }))}
        value={String(preview.headerRow)}
        onChange={(event) => onHeaderRow(Number(event.currentTarget.value))}
      />

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
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={2} size="h4" id="import-mapping-title">
              {t('import.mapping.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('import.mapping.help')}
            </Text>
          </Stack>
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

          {fullNameColumn !== undefined && (
            <Stack gap="xs" component="section" aria-labelledby="import-split-title">
              <Title order={3} size="h5" id="import-split-title">
                {t('import.mapping.splitTitle')}
              </Title>
              <Table withTableBorder verticalSpacing={4} fz="sm" aria-labelledby="import-split-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.fields.fullName')}</Table.Th>
                    <Table.Th>{t('import.fields.lastName')}</Table.Th>
                    <Table.Th>{t('import.fields.firstName')}</Table.Th>
                    <Table.Th>{t('import.fields.arabicName')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.slice(0, SPLIT_ROWS).map((row, r) => {
                    const split = splitFullName(row[fullNameColumn] ?? '');
                    return (
                      <Table.Tr key={r}>
                        <Table.Td dir="auto">{row[fullNameColumn]}</Table.Td>
                        <Table.Td dir="auto">{split.lastName}</Table.Td>
                        <Table.Td dir="auto">{split.firstName}</Table.Td>
                        <Table.Td dir="auto">{split.arabicName ?? ''}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Stack>
          )}

          <BatchValues mapping={mapping} batch={batch} onChange={setBatch} />
          <ConsentChoice value={consent} onChange={setConsent} dateError={dateError} />
          {consent.basis === 'none' && (
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
            <Button type="submit" disabled={preview.rowCount === 0} loading={busy}>
              {t('import.mapping.next')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
