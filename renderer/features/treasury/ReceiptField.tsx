import { FileInput } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES } from '../../../electron/contract';
import { readAsBase64 } from '../beneficiary-import/readFile';
import { useGrantsFieldError } from '../grants/form';

/** The scanned receipt of a movement: PDF, JPEG or PNG, checked again by the core from its bytes. */
export function ReceiptField<T extends FieldValues, O>({ control, name }: { control: Control<T, unknown, O>; name: FieldPath<T> }) {
  const { t } = useTranslation();
  const fieldError = useGrantsFieldError();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FileInput
          label={t('treasury.entry.receipt')}
          description={t('treasury.entry.receiptHint')}
          accept="application/pdf,image/jpeg,image/png"
          clearable
          ref={field.ref}
          value={field.value as File | null}
          onChange={field.onChange}
          error={fieldError(fieldState.error)}
        />
      )}
    />
  );
}

/** The chosen file as the operation carries it, or a refusal at the field when it is too large. */
export async function receiptUpload(file: File | null, refuse: () => void): Promise<{ fileName: string; contentBase64: string } | null | undefined> {
  if (!file) return null;
  if (file.size > MAX_ATTACHMENT_BYTES) {
    refuse();
    return undefined;
  }
  return { fileName: file.name, contentBase64: await readAsBase64(file) };
}
