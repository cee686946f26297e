import { Anchor, Button, Group, Loader, Modal, MultiSelect, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { outreachInputSchema, type OutreachLog, type OutreachSearch } from '../../../../electron/contract';
import { useOp, useOpMutation } from '../../../app/ops';
import { useAppStatus } from '../../../app/session';
import { DayInput } from '../../../ui/dates/DayInput';
import { isIsoDay } from '../../../ui/dates/typed-date';
import { ModalActions } from '../../../ui/ModalActions';
import { OpErrorAlert } from '../../../ui/OpErrorAlert';
import { useNumberFormats } from '../../../ui/numbers';
import { UnsavedChangesGuard } from '../../../ui/unsaved/UnsavedChangesGuard';
import { useFormatDate } from '../../beneficiaries/format';
import { useLookupLabels } from '../../beneficiaries/lookups';
import { grantsResolver, showFailureFields, useGrantsFieldError } from '../../grants/form';
import { DayField, SegmentedField, SelectField, TextAreaField, TextField } from '../../grants/fields';
import { activitiesPath } from '../paths';
import { typedCount } from '../typed-count';

// The outreach agents' log: each outing with its neighbourhood, the people informed by sex, the
// topics and the referrals made. People informed are counted at each outing, never as distinct people.

const TOPICS = 'outreachTopic';

const invalidateOutreach = (queryClient: ReturnType<typeof useQueryClient>) =>
  queryClient.invalidateQueries({ predicate: (q) => /^(outreach|reports)\./.test(String(q.queryKey[0])) });

export function OutreachPage() {
  const { t } = useTranslation();
  const numbers = useNumberFormats();
  const formatDate = useFormatDate();
  const lookups = useLookupLabels();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<OutreachLog | 'new' | null>(null);
  const reversed = isIsoDay(from) && isIsoDay(to) && to < from;
  // A reversed period or a day still being typed is not asked (the core would refuse it too).
  const search: OutreachSearch = { ...(isIsoDay(from) ? { from } : {}), ...(isIsoDay(to) && !reversed ? { to } : {}), archived };
  const list = useOp('outreach.list', search);
  const archive = useOpMutation('outreach.archive', { onSuccess: () => invalidateOutreach(queryClient) });
  const restore = useOpMutation('outreach.restore', { onSuccess: () => invalidateOutreach(queryClient) });
  const totals = list.data?.totals;
  const topicLabel = (code: string) => lookups.label(TOPICS, code);

  return (
    <Stack gap="md">
      <Anchor component={Link} to={activitiesPath} size="sm">
        {t('activities.stats.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('massEvents.outreach.title')}</Title>
        <Button onClick={() => setEditing('new')}>{t('massEvents.outreach.add')}</Button>
      </Group>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <DayInput label={t('massEvents.outreach.from')} value={from} onChange={setFrom} />
        <DayInput label={t('massEvents.outreach.to')} value={to} onChange={setTo} error={reversed ? t('activities.errors.endBeforeStart') : undefined} />
        <Switch label={t('massEvents.outreach.archived')} checked={archived} onChange={(event) => setArchived(event.currentTarget.checked)} mt={32} />
      </Group>
      {totals && !archived && (
        <Text role="status">
          {t('massEvents.outreach.totals', {
            entries: numbers.number(totals.entries),
            informed: numbers.number(totals.informedFemale + totals.informedMale),
            female: numbers.number(totals.informedFemale),
            male: numbers.number(totals.informedMale),
            referrals: numbers.number(totals.referrals),
          })}
        </Text>
      )}
      <OpErrorAlert error={list.error ?? archive.error ?? restore.error} />
      {list.isPending ? (
        <Loader />
      ) : list.data && list.data.rows.length === 0 ? (
        <Text c="dimmed">{t('massEvents.outreach.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('massEvents.outreach.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('massEvents.outreach.date')}</Table.Th>
                <Table.Th>{t('massEvents.outreach.neighbourhood')}</Table.Th>
                <Table.Th>{t('massEvents.outreach.agent')}</Table.Th>
                <Table.Th>{t('massEvents.outreach.informed')}</Table.Th>
                <Table.Th>{t('massEvents.outreach.topics')}</Table.Th>
                <Table.Th>{t('massEvents.outreach.referrals')}</Table.Th>
                <Table.Th>{t('massEvents.outreach.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{formatDate(row.date)}</Table.Td>
                  <Table.Td>
                    <bdi>{row.neighbourhood}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{row.agentLabel}</bdi>
                  </Table.Td>
                  <Table.Td>
                    {t('massEvents.outreach.informedBySex', {
                      total: numbers.number(row.informedFemale + row.informedMale),
                      female: numbers.number(row.informedFemale),
                      male: numbers.number(row.informedMale),
                    })}
                  </Table.Td>
                  <Table.Td>{row.topics.map(topicLabel).join(t('massEvents.outreach.listSeparator'))}</Table.Td>
                  <Table.Td>{numbers.number(row.referrals)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setEditing(row)} aria-label={t('massEvents.outreach.editOf', { date: formatDate(row.date), place: row.neighbourhood })}>
                        {t('massEvents.outreach.edit')}
                      </Button>
                      {row.archivedAt ? (
                        <Button size="compact-sm" variant="subtle" loading={restore.isPending} onClick={() => restore.mutate({ id: row.id })}>
                          {t('massEvents.outreach.restore')}
                        </Button>
                      ) : (
                        <Button size="compact-sm" variant="subtle" color="red" loading={archive.isPending} onClick={() => archive.mutate({ id: row.id })}>
                          {t('massEvents.outreach.archive')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <OutreachModal log={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

interface Draft {
  date: string;
  neighbourhood: string;
  agentKind: 'user' | 'name';
  agentUserId: string;
  agentName: string;
  informedFemale: string;
  informedMale: string;
  topics: string[];
  referrals: string;
  referralsNote: string;
}

function OutreachModal({ log, onClose }: { log: OutreachLog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lookups = useLookupLabels();
  const fieldError = useGrantsFieldError();
  const me = useAppStatus().data?.session?.user;
  const president = me?.role === 'president';
  const users = useOp('users.list', {}, { enabled: president });
  const agents = new Map<string, string>();
  if (me) agents.set(me.id, me.displayName);
  for (const u of users.data ?? []) agents.set(u.id, u.displayName);
  if (log?.agentUserId) agents.set(log.agentUserId, log.agentLabel);

  const form = useForm<Draft, unknown, z.output<typeof outreachInputSchema>>({
    defaultValues: {
      date: log?.date ?? '',
      neighbourhood: log?.neighbourhood ?? '',
      agentKind: log && !log.agentUserId ? 'name' : 'user',
      agentUserId: log?.agentUserId ?? me?.id ?? '',
      agentName: log?.agentName ?? '',
      informedFemale: String(log?.informedFemale ?? 0),
      informedMale: String(log?.informedMale ?? 0),
      topics: log?.topics ?? [],
      referrals: String(log?.referrals ?? 0),
      referralsNote: log?.referralsNote ?? '',
    },
    resolver: grantsResolver(outreachInputSchema, (d) => ({
      ...(log ? { id: log.id } : {}),
      date: d.date,
      neighbourhood: d.neighbourhood,
      agentUserId: d.agentKind === 'user' ? d.agentUserId : null,
      agentName: d.agentKind === 'name' ? d.agentName : null,
      informedFemale: typedCount(d.informedFemale),
      informedMale: typedCount(d.informedMale),
      topics: d.topics,
      referrals: typedCount(d.referrals),
      referralsNote: d.referralsNote,
    })),
  });
  const save = useOpMutation('outreach.save', {
    onSuccess: async () => {
      await invalidateOutreach(queryClient);
      onClose();
    },
    onError: (failure) => showFailureFields(form, failure),
  });
  const { control } = form;
  const agentKind = useWatch({ control, name: 'agentKind' });
  // A topic the core refused is reported at its place in the list (`topics.0`): shown under the whole choice.
  const topicErrors = form.formState.errors.topics as ({ message?: string } & ({ message?: string } | undefined)[]) | undefined;
  const topicsError = fieldError(topicErrors?.message ? topicErrors : topicErrors?.find?.((e) => e?.message));

  return (
    <Modal opened onClose={onClose} title={log ? t('massEvents.outreach.editTitle') : t('massEvents.outreach.add')} size="lg">
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate aria-label={t('massEvents.outreach.form')}>
        <UnsavedChangesGuard dirty={form.formState.isDirty && !save.isSuccess} />
        <Stack gap="sm">
          <Group grow align="flex-start">
            <DayField control={control} name="date" label={t('massEvents.outreach.date')} required data-autofocus />
            <TextField control={control} name="neighbourhood" label={t('massEvents.outreach.neighbourhood')} required />
          </Group>
          <SegmentedField
            control={control}
            name="agentKind"
            label={t('massEvents.outreach.agent')}
            data={[
              { value: 'user', label: t('massEvents.outreach.agentUser') },
              { value: 'name', label: t('massEvents.outreach.agentName') },
            ]}
          />
          {agentKind === 'user' ? (
            <SelectField control={control} name="agentUserId" label={t('massEvents.outreach.agent')} data={[...agents].map(([value, label]) => ({ value, label }))} required />
          ) : (
            <TextField control={control} name="agentName" label={t('massEvents.outreach.agentName')} required />
          )}
          <Group grow align="flex-start">
            <TextField control={control} name="informedFemale" label={t('massEvents.outreach.informedFemale')} inputMode="numeric" autoComplete="off" required />
            <TextField control={control} name="informedMale" label={t('massEvents.outreach.informedMale')} inputMode="numeric" autoComplete="off" required />
          </Group>
          <Controller
            control={control}
            name="topics"
            render={({ field }) => (
              <MultiSelect
                label={t('massEvents.outreach.topics')}
                data={lookups.options(TOPICS, log?.topics ?? [])}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={topicsError}
                searchable
              />
            )}
          />
          <TextField control={control} name="referrals" label={t('massEvents.outreach.referrals')} inputMode="numeric" autoComplete="off" maw={240} />
          <TextAreaField control={control} name="referralsNote" label={t('massEvents.outreach.referralsNote')} rows={2} />
          <ModalActions error={save.error && !save.error.fields ? save.error : null} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

