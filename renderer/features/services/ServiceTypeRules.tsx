import { MultiSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LookupList } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useLookupLabels } from '../beneficiaries/lookups';

const SERVICE_TYPES: LookupList = 'serviceType';
const LEGAL_STATUSES: LookupList = 'legalStatus';

/**
 * Which legal statuses each service type is open to (none chosen: everyone). Giving a service to
 * someone outside them warns and asks for confirmation; it is never refused.
 */
export function ServiceTypeRules({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const lookups = useLookupLabels();
  const rules = useOp('services.types.rules', {});
  const save = useOpMutation('services.types.setRule', {
    onSuccess: () => void client.invalidateQueries({ queryKey: opKey('services.types.rules') }),
  });
  const types = lookups.options(SERVICE_TYPES);
  return (
    <Stack gap="xs" component="section" aria-labelledby="service-type-rules">
      <Title order={3} size="h5" id="service-type-rules">
        {t('services.rules.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('services.rules.help')}
      </Text>
      <OpErrorAlert error={save.error ?? rules.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-labelledby="service-type-rules">
          <Table.Tbody>
            {types.map((type) => {
              const open = rules.data?.find((r) => r.code === type.value)?.legalStatuses ?? [];
              return (
                <Table.Tr key={type.value}>
                  <Table.Td w="35%">{type.label}</Table.Td>
                  <Table.Td>
                    <MultiSelect
                      aria-label={t('services.rules.openTo', { type: type.label })}
                      placeholder={open.length === 0 ? t('services.rules.everyone') : undefined}
                      data={lookups.options(LEGAL_STATUSES, open)}
                      value={open}
                      disabled={!canEdit || save.isPending || rules.isPending}
                      clearable
                      searchable
                      onChange={(legalStatuses) => save.mutate({ code: type.value, legalStatuses })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
