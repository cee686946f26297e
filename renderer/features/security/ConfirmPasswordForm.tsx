import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpFailure } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

interface Props {
  submitLabel: string;
  loading: boolean;
  error: OpFailure | null;
  onConfirm: (password: string) => void;
}

/** The president types their password again before a security operation. */
export function ConfirmPasswordForm({ submitLabel, loading, error, onConfirm }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setMissing(true);
    setMissing(false);
    onConfirm(password);
    setPassword('');
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack maw={480}>
        <PasswordInput
          label={t('security.confirmPassword')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          withAsterisk
          error={missing ? t('validation.required') : undefined}
        />
        <OpErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={loading}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
