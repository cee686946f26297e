import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EmploymentFollowUp } from '../../../electron/contract';
import { useDates } from '../case-follow-up/format';
import { PersonLink } from '../case-follow-up/PersonLink';
import { useFollowUpCause } from './labels';

const DAY_MS = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The follow-up dashboard's employment rows, each linking to the person: late ones count the days past due, others those left. */
export function EmploymentFollowUpRows({ rows, today, late }: { rows: EmploymentFollowUp[]; today: string; late: boolean }) {
  const { t } = useTranslation();
  const dates = useDates();
  const cause = useFollowUpCause();
  return rows.map((row) => (
    <Table.Tr key={`${row.beneficiaryId}-${row.anchor.kind}-${row.anchor.date}-${row.months}`}>
      <Table.Td miw={160}>
        <PersonLink person={row} />
      </Table.Td>
      <Table.Td miw={220}>
        <bdi>{t('employment.dashboard.what', { months: row.months, after: cause(row) })}</bdi>
      </Table.Td>
      <Table.Td>
        {late ? (
          <Text c="red.8" fw={600} size="sm">
            {dates.day(row.dueOn)}
          </Text>
        ) : (
          dates.day(row.dueOn)
        )}
      </Table.Td>
      <Table.Td>
        {late ? (
          <Badge color="red" variant="light" radius="sm">
            {daysFrom(row.dueOn, today)}
          </Badge>
        ) : (
          daysFrom(today, row.dueOn)
        )}
      </Table.Td>
    </Table.Tr>
  ));
}
