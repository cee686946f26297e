import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  partnerSheetFieldSchema,
  partnerTypeSchema,
  type PartnerImportSource,
  type PartnerSheet,
  type PartnerSheetField,
  type PartnerType,
} from '../../../electron/contract';
import { foldText } from '../case-follow-up/format';

type SheetSource = Extract<PartnerImportSource, { kind: 'sheet' }>;

/**
 * Which column holds each field of a partner, and which type each word of the type column stands
 * for. A word is matched to a type only when it is that type's name in the interface language;
 * the others wait for the user to choose.
 */
export function SheetColumns({
  file,
  sheet,
  busy,
  onPreview,
  onCancel,
}: {
  file: { fileName: string; contentBase64: string };
  sheet: PartnerSheet;
  busy: boolean;
  onPreview: (source: SheetSource) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [columns, setColumns] = useState<Partial<Record<PartnerSheetField, number>>>(sheet.suggestedColumns);
  const [defaultType, setDefaultType] = useState<PartnerType>('other');
  const [chosen, setChosen] = useState<Record<string, PartnerType>>({});
  const [tried, setTried] = useState(false);
  const typeColumn = columns.type;
  const words = useMemo(
    () => (typeColumn === undefined ? [] : [...new Set(sheet.rows.map((r) => (r[typeColumn] ?? '').trim()).filter(Boolean))].sort()),
    [sheet.rows, typeColumn],
  );
  const named = (word: string) => partnerTypeSchema.options.find((type) => foldText(t(`partners.types.${type}`)) === foldText(word));
  const typeOf = (word: string) => chosen[word] ?? named(word);
  const typeOptions = partnerTypeSchema.options.map((type) => ({ value: type, label: t(`partners.types.${type}`) }));
  const columnOptions = [{ value: '', label: t('partners.import.noColumn') }, ...sheet.headers.map((h, i) => ({ value: String(i), label: h || t('partners.import.column', { n: i + 1 }) }))];

  const preview = () => {
    setTried(true);
    if (columns.name === undefined || words.some((w) => !typeOf(w))) return;
    const types: Record<string, PartnerType> = {};
    for (const word of words) types[word] = typeOf(word) as PartnerType;
    onPreview({ kind: 'sheet', ...file, columns, types, defaultType });
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('partners.import.sheetIntro', { count: sheet.rows.length })}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {partnerSheetFieldSchema.options.map((field) => (
          <NativeSelect
            key={field}
            label={t(`partners.${field}`)}
            withAsterisk={field === 'name'}
            data={columnOptions}
            value={columns[field] === undefined ? '' : String(columns[field])}
            error={tried && field === 'name' && columns.name === undefined ? t('validation.required') : undefined}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setColumns((c) => ({ ...c, [field]: value === '' ? undefined : Number(value) }));
            }}
          />
        ))}
      </SimpleGrid>
      <NativeSelect
        label={t('partners.import.defaultType')}
        description={t('partners.import.defaultTypeHelp')}
        data={typeOptions}
        value={defaultType}
        onChange={(event) => setDefaultType(partnerTypeSchema.parse(event.currentTarget.value))}
      />
      {words.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('partners.import.typeWords')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {words.map((word) => (
              <NativeSelect
                key={word}
                label={word}
                data={[{ value: '', label: t('partners.import.chooseType') }, ...typeOptions]}
                value={typeOf(word) ?? ''}
                error={tried && !typeOf(word) ? t('validation.required') : undefined}
                onChange={(event) => {
                  const parsed = partnerTypeSchema.safeParse(event.currentTarget.value);
                  if (parsed.success) setChosen((c) => ({ ...c, [word]: parsed.data }));
                }}
              />
            ))}
          </SimpleGrid>
        </Stack>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={preview} loading={busy}>
          {t('partners.import.preview')}
        </Button>
      </Group>
    </Stack>
  );
}
