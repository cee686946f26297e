import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { memberCategorySchema, type MemberCategory } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { toCentimes, toDirhams, useFormatMoney } from './money';

type Draft = Partial<Record<MemberCategory, number | ''>>;

/** The year's fee by category; a reduced rate left blank means the standard fee. */
export function FeesPanel({ year, canEdit }: { year: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const queryClient = useQueryClient();
  const fees = useOp('dues.fees', {});
  const current = fees.data?.find((f) => f.year === year)?.amounts ?? {};
  const [draft, setDraft] = useState<Draft | null>(null);
  const save = useOpMutation('dues.setFees', {
    onSuccess: async () => {
      setDraft(null);
      await queryClient.invalidateQueries({ predicate: (q) => /^(members|dues)\./.test(String(q.queryKey[0])) });
    },
  });
  const start = () =>
    setDraft(Object.fromEntries(memberCategorySchema.options.map((c) => [c, current[c] === undefined ? '' : toDirhams(current[c])])));
  const submit = () => {
    if (!draft || draft.standard === '' || draft.standard === undefined) return;
    const amounts = Object.fromEntries(
      Object.entries(draft)
        .filter(([, v]) => typeof v === 'number')
        .map(([c, v]) => [c, toCentimes(v as number)]),
    ) as Partial<Record<MemberCategory, number>> & { standard: number };
    save.mutate({ year, amounts });
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2}>{t('members.fees.title', { year })}</Title>
          {canEdit && !draft && (
            <Button variant="light" onClick={start}>
              {t('members.fees.edit')}
            </Button>
          )}
        </Group>
        {!draft &&
          (current.standard === undefined ? (
            <Text c="dimmed">{t('members.fees.none')}</Text>
          ) : (
            <Text>
              {memberCategorySchema.options
                .filter((c) => current[c] !== undefined)
                .map((c) => `${t(`members.category.${c}`)} : ${money(current[c] ?? 0)}`)
                .join(' · ')}
            </Text>
          ))}
        {draft && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {memberCategorySchema.options.map((c) => (
                <NumberInput
                  key={c}
                  label={t(`members.category.${c}`)}
                  required={c === 'standard'}
                  suffix=" MAD"
                  min={0}
                  decimalScale={2}
                  value={draft[c] ?? ''}
                  onChange={(v) => setDraft((d) => ({ ...d, [c]: typeof v === 'number' ? v : '' }))}
                  error={c === 'standard' && draft.standard === '' ? t('validation.required') : undefined}
                />
              ))}
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('members.fees.help')}
            </Text>
            <OpErrorAlert error={save.error} />
            <Group>
              <Button onClick={submit} loading={save.isPending}>
                {t('common.save')}
              </Button>
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
