import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DashboardPerson } from '../../../electron/contract';

/** A person named by the dashboard or a report, linked to their page. */
export function PersonLink({ person }: { person: Pick<DashboardPerson, 'beneficiaryId' | 'reference' | 'displayName'> }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/beneficiaries/${person.beneficiaryId}`} fw={600}>
        <bdi>{person.displayName}</bdi>
      </Anchor>
      <Text size="xs" c="dimmed">
        <bdi dir="ltr">{person.reference}</bdi>
      </Text>
    </Stack>
  );
}
