import { Input, Loader } from '@mantine/core';
import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readAsText } from '../../ui/read-file';

/** The core refuses longer texts; a file read as UTF-8 takes up to four bytes a character. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Picks an exchanged file and hands its text over. The input is cleared each time, so the same file
 * can be chosen again once its sender's card is added.
 */
export function ExchangeFileInput({
  label,
  description,
  accept,
  busy,
  error,
  onText,
  onUnreadable,
}: {
  label: string;
  description: string;
  accept: string;
  busy: boolean;
  error: ReactNode;
  onText: (text: string) => void;
  onUnreadable: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reading, setReading] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    if (file.size > MAX_FILE_BYTES) return onUnreadable();
    setReading(true);
    try {
      onText(await readAsText(file));
    } catch {
      onUnreadable();
    } finally {
      setReading(false);
    }
  };

  const working = busy || reading;
  return (
    <Input.Wrapper id={id} label={label} description={description} error={error}>
      <input
        id={id}
        type="file"
        accept={accept}
        disabled={working}
        onChange={(event) => void choose(event)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
      />
      {working && <Loader size="sm" role="status" aria-label={t('referralFiles.reading')} />}
    </Input.Wrapper>
  );
}
