import { Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  caseNoteInputSchema,
  caseNoteTypeSchema,
  MAX_NOTE_LENGTH,
  todayIso,
  type CaseNote,
  type CaseNoteInput,
} from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { IconLock } from '../../ui/icons';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { NoteTypeBadge } from './badges';
import { CheckboxField, DateField, SelectField, TextareaField } from './fields';
import { useDates } from './format';
import { contractResolver, showFieldProblems } from './problems';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

/** The journal of a person's file: newest first, with the form to add to it. */
export function CaseNotes({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const notes = useOp('caseNotes.list', { beneficiaryId });
  return (
    <Stack gap="lg">
      <AddNoteForm beneficiaryId={beneficiaryId} />
      <Stack gap="sm" component="section" aria-labelledby="case-notes-title">
        <Title order={3} size="h4" id="case-notes-title">
          {t('followUp.notes.timeline')}
        </Title>
        {notes.isPending ? (
          <Loader role="status" aria-label={t('app.loading')} />
        ) : notes.error ? (
          <OpErrorAlert error={notes.error} />
        ) : notes.data.length === 0 ? (
          <Text c="dimmed">{t('followUp.notes.empty')}</Text>
        ) : (
          <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {newestFirst(notes.data).map((note) => (
              <NoteItem key={note.id} note={note} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

const newestFirst = (notes: CaseNote[]) =>
  [...notes].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));

function NoteItem({ note }: { note: CaseNote }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Paper component="li" withBorder p="md" radius="md" bg={note.hidden ? 'gray.0' : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text fw={600} component="time" dateTime={note.date}>
              {dates.day(note.date)}
            </Text>
            <NoteTypeBadge type={note.type} />
            {note.sensitive && !note.hidden && (
              <Badge variant="outline" color="dark" tt="none" radius="sm" leftSection={<IconLock width={12} height={12} />}>
                {t('followUp.notes.sensitiveBadge')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('followUp.notes.by', { name: note.authorName })}
          </Text>
        </Group>
        {note.hidden ? (
          <Group gap="xs" c="dimmed" wrap="nowrap">
            <IconLock width={18} height={18} />
            <Text fs="italic">{t('followUp.notes.hidden')}</Text>
          </Group>
        ) : (
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.text}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function AddNoteForm({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const blank = (): CaseNoteInput => ({ beneficiaryId, date: todayIso(), type: 'visit', text: '', sensitive: false });
  const form = useForm({ resolver: contractResolver(caseNoteInputSchema), defaultValues: blank() });

  const add = useOpMutation('caseNotes.add', {
    onSuccess: () => {
      form.reset(blank());
      void client.invalidateQueries({ queryKey: opKey('caseNotes.list', { beneficiaryId }) });
      // A note counts as activity on the person's open procedures.
      void client.invalidateQueries({ queryKey: opKey('procedures.list', { beneficiaryId }) });
      void client.invalidateQueries({ queryKey: opKey('followUp.dashboard') });
    },
    onError: (error) => showFieldProblems(form, error, ['date', 'type', 'text']),
  });
  const types = caseNoteTypeSchema.options.map((type) => ({ value: type, label: t(`core:noteType.${type}`) }));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="add-note-title">
      <form noValidate onSubmit={form.handleSubmit((values) => add.mutate(values))}>
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-note-title">
            {t('followUp.notes.addTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={520}>
            <DateField form={form} name="date" label={t('followUp.notes.date')} withAsterisk maxDate={todayIso()} />
            <SelectField form={form} name="type" label={t('followUp.notes.type')} data={types} withAsterisk />
          </SimpleGrid>
          <TextareaField
            form={form}
            name="text"
            label={t('followUp.notes.text')}
            withAsterisk
            maxLength={MAX_NOTE_LENGTH}
            dir="auto"
          />
          <CheckboxField
            form={form}
            name="sensitive"
            label={t('followUp.notes.sensitive')}
            description={t('followUp.notes.sensitiveHint')}
          />
          <OpErrorAlert error={add.error} />
          {add.isSuccess && (
            <Text size="sm" c="green.8" role="status">
              {t('followUp.notes.added')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('followUp.notes.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
