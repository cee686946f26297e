import { Stack, Text } from '@mantine/core';
import { useId } from 'react';

/**
 * A card's fingerprint as it is read over the phone: large monospace digit groups, always left to
 * right, since in an Arabic paragraph the groups would otherwise be laid out in reverse order.
 */
export function Fingerprint({ label, fingerprint }: { label: string; fingerprint: string }) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text id={id} size="sm" fw={600}>
        {label}
      </Text>
      <Text
        aria-labelledby={id}
        dir="ltr"
        ff="monospace"
        fz={22}
        fw={600}
        ta="left"
        style={{ wordSpacing: '0.5em', unicodeBidi: 'isolate' }}
      >
        {fingerprint}
      </Text>
    </Stack>
  );
}
