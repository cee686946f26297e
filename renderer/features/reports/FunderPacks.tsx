import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { packSentSchema, todayIso, type FunderPack, type Locale } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { FormDateField } from '../../ui/dates/DateField';
import { TextField } from '../../ui/fields';
import { formResolver } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { saveFile } from '../../ui/saveFile';
import { ExportProgress } from './ExportButton';

/** When and to whom a pack went: a date and a name, recorded on the agreement. */
function SentForm({ pack, onDone }: { pack: FunderPack; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ resolver: formResolver(packSentSchema), defaultValues: { packId: pack.id, sentOn: todayIso(), sentTo: '' } });
  const record = useOpMutation('reports.recordPackSent', {
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: opKey('reports.funderPacks') });
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => record.mutate(values))}>
      <Group align="flex-end" gap="xs">
        <FormDateField form={form} name="sentOn" label={t('reports.packs.sentOn')} w={170} />
        <TextField form={form} name="sentTo" label={t('reports.packs.sentTo')} w={260} withAsterisk />
        <Button type="submit" loading={record.isPending}>
          {t('reports.packs.save')}
        </Button>
      </Group>
      <OpErrorAlert error={record.error} />
    </form>
  );
}

/** One pack per reporting deadline of the agreement: build it, save it, say when it was sent and to whom. */
export function FunderPacks({ agreementId, locale }: { agreementId: string; locale: Locale }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const detail = useOp('grants.agreements.get', { id: agreementId });
  const packs = useOp('reports.funderPacks', { agreementId });
  const [recording, setRecording] = useState<string | null>(null);
  // Printing the report and each activity's sheets takes seconds: their count is shown as it goes.
  const [jobId, setJobId] = useState('');
  const build = useOpMutation('reports.funderPack', {
    onSuccess: (built) => {
      saveFile(built);
      void client.invalidateQueries({ queryKey: opKey('reports.funderPacks') });
    },
  });
  const deadlines = detail.data?.deadlines ?? [];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('reports.packs.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.packs.help')}
        </Text>
        <Table aria-label={t('reports.packs.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.packs.deadline')}</Table.Th>
              <Table.Th>{t('reports.packs.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deadlines.map((d) => {
              const built = (packs.data ?? []).filter((p) => p.deadlineId === d.id || p.dueDate === d.dueDate).at(-1);
              return (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.label ? t('reports.packs.deadlineLabel', { date: d.dueDate, label: d.label }) : d.dueDate}</Table.Td>
                  <Table.Td>
                    {!built && t('reports.packs.notBuilt')}
                    {built && !built.sentOn && t('reports.packs.built', { date: built.builtAt.slice(0, 10), name: built.builtByName })}
                    {built?.sentOn && t('reports.packs.sent', { date: built.sentOn, to: built.sentTo })}
                    {built && recording === built.id && <SentForm pack={built} onDone={() => setRecording(null)} />}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        loading={build.isPending && build.variables?.deadlineId === d.id}
                        onClick={() => {
                          const job = `pack-${crypto.randomUUID()}`;
                          setJobId(job);
                          build.mutate({ agreementId, deadlineId: d.id, locale, jobId: job });
                        }}
                      >
                        {t('reports.packs.build')}
                      </Button>
                      {built && !built.sentOn && recording !== built.id && (
                        <Button size="xs" variant="subtle" onClick={() => setRecording(built.id)}>
                          {t('reports.packs.recordSent')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {build.isPending && jobId && <ExportProgress jobId={jobId} />}
        <OpErrorAlert error={build.error ?? detail.error ?? packs.error} />
      </Stack>
    </Paper>
  );
}
