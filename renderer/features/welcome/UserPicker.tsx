import { Radio, Stack } from '@mantine/core';
import type { Ref } from 'react';

interface Props {
  label: string;
  users: { id: string; displayName: string }[];
  value: string;
  onChange: (userId: string) => void;
  error?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** The people who hold a key to the file, as big radio buttons: a handful at most per association. */
export function UserPicker({ label, users, value, onChange, error, autoFocus, inputRef }: Props) {
  return (
    <Radio.Group label={label} value={value} onChange={onChange} error={error} withAsterisk>
      <Stack gap="xs" mt="xs">
        {users.map((user, index) => (
          <Radio
            key={user.id}
            value={user.id}
            label={user.displayName}
            size="md"
            autoFocus={autoFocus && index === 0}
            ref={index === 0 ? inputRef : undefined}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
