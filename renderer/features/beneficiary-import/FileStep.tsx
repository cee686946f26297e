import { Input, Loader, Stack, Text } from '@mantine/core';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES, type ImportPreview } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { importProblemKey } from './problems';
import { readAsBase64 } from './readFile';

export interface ChosenFile {
  name: string;
  contentBase64: string;
}

const ACCEPTED = /\.(csv|xlsx)$/i;
export const MAX_IMPORT_MB = Math.round(MAX_IMPORT_BYTES / (1024 * 1024));

/** Step 1: a .csv or .xlsx file, read here and previewed by the core. */
export function FileStep({ onPreview }: { onPreview: (file: ChosenFile, preview: ImportPreview) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const preview = useOpMutation('beneficiaries.importPreview');

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setProblem(null);
    preview.reset();
    if (!file) return;
    // Cleared so that the same file, once fixed, can be chosen again.
    const refuse = (message: string) => {
      setProblem(message);
      input.value = '';
    };
    if (!ACCEPTED.test(file.name)) return refuse(t('import.file.badType'));
    if (file.size > MAX_IMPORT_BYTES) return refuse(t('import.file.tooLarge', { max: MAX_IMPORT_MB }));
    if (file.size === 0) return refuse(t('import.problems.empty_file'));
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await readAsBase64(file);
    } catch {
      setReading(false);
      return refuse(t('import.problems.unreadable_file'));
    }
    setReading(false);
    const chosen = { name: file.name, contentBase64 };
    preview.mutate(
      { fileName: file.name, contentBase64 },
      {
        onSuccess: (result) => onPreview(chosen, result),
        onError: (error) => {
          const code = error.fields?.contentBase64 ?? error.fields?.fileName;
          if (code) refuse(t(importProblemKey(code)));
          else input.value = '';
        },
      },
    );
  };

  const busy = reading || preview.isPending;
  const fieldProblem = problem ?? undefined;
  return (
    <Stack gap="md" maw={640}>
      <Input.Wrapper
        id={id}
        label={t('import.file.label')}
        description={t('import.file.help', { max: MAX_IMPORT_MB })}
        error={fieldProblem}
      >
        <input
          id={id}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(event) => void choose(event)}
          aria-invalid={fieldProblem ? true : undefined}
          aria-describedby={`${id}-description${fieldProblem ? ` ${id}-error` : ''}`}
          style={{ display: 'block', marginBlock: 'var(--mantine-spacing-xs)', font: 'inherit', maxWidth: '100%' }}
        />
      </Input.Wrapper>
      {busy && (
        <Stack gap={4} align="flex-start">
          <Loader size="sm" role="status" aria-label={t('import.file.reading')} />
          <Text size="sm" c="dimmed">
            {t('import.file.reading')}
          </Text>
        </Stack>
      )}
      {!problem && <OpErrorAlert error={preview.error?.fields ? null : preview.error} />}
      <Text size="sm" c="dimmed">
        {t('import.file.formats')}
      </Text>
    </Stack>
  );
}
