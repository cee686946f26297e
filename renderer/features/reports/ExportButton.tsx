import { Button, Group, Menu, Modal, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { namedExportSchema, type ExportTarget, type ListExport } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { formResolver, useFieldError } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { saveFile } from '../../ui/saveFile';

type Choice = { format: 'xlsx' } | { format: 'csv'; delimiter: ',' | ';' };

const newJobId = () => `export-${crypto.randomUUID()}`;

/** Progress of the export being built, polled while it runs (long lists take a few seconds). */
export function ExportProgress({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const progress = useOp('jobs.progress', { jobId }, { refetchInterval: 300 });
  const p = progress.data;
  const value = p && p.total > 0 ? (p.done * 100) / p.total : 0;
  return (
    <Stack gap={2} miw={200}>
      <Progress value={value} size="sm" aria-label={t('exports.progress')} />
      <Text size="xs" c="dimmed">
        {p ? t('exports.progressCount', { done: p.done, total: p.total }) : t('exports.progress')}
      </Text>
    </Stack>
  );
}

const purposeSchema = namedExportSchema.pick({ purpose: true });

/** A president's export with names: asks why, says the file holds personal data. */
function NamedExportModal({ opened, onClose, onConfirm }: { opened: boolean; onClose: () => void; onConfirm: (purpose: string) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('exports.namedTitle')}>
      <PurposeForm onCancel={onClose} onConfirm={onConfirm} />
    </Modal>
  );
}

/** Rendered only while the modal is open: each opening starts from an empty purpose, and a closed one costs the list nothing. */
function PurposeForm({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: (purpose: string) => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const form = useForm<z.input<typeof purposeSchema>, unknown, z.output<typeof purposeSchema>>({
    resolver: formResolver(purposeSchema),
    defaultValues: { purpose: '' },
  });
  const purpose = form.register('purpose');
  return (
    <form noValidate onSubmit={form.handleSubmit(({ purpose }) => onConfirm(purpose))}>
      <Stack>
        <Text size="sm">{t('exports.namedWarning')}</Text>
        <Textarea label={t('exports.purpose')} description={t('exports.purposeHelp')} minRows={2} withAsterisk data-autofocus {...purpose} error={fieldError(form.formState.errors.purpose)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red">
            {t('exports.namedConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Export" on a list screen: XLSX or CSV of what the list shows, pseudonymised; presidents may
 * also export with names, after stating why.
 */
export function ExportButton(target: ExportTarget) {
  const { t, i18n } = useTranslation();
  const status = useAppStatus();
  const isPresident = status.data?.session?.user.role === 'president';
  const [choice, setChoice] = useState<Choice>({ format: 'xlsx' });
  const [namedOpen, setNamedOpen] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const done = { onSuccess: (file: ListExport) => saveFile(file), onSettled: () => setJobId(null) };
  const pseudonymised = useOpMutation('exports.list', done);
  const named = useOpMutation('exports.namedList', done);
  const pending = pseudonymised.isPending || named.isPending;

  const run = (next: Choice, purpose?: string) => {
    const id = newJobId();
    setJobId(id);
    const input = { target, ...next, locale: i18n.language as 'fr' | 'ar' | 'en', jobId: id };
    if (purpose) named.mutate({ ...input, purpose });
    else pseudonymised.mutate(input);
  };
  const choices: { key: string; label: string; value: Choice }[] = [
    { key: 'xlsx', label: t('exports.xlsx'), value: { format: 'xlsx' } },
    { key: 'csv-comma', label: t('exports.csvComma'), value: { format: 'csv', delimiter: ',' } },
    { key: 'csv-semicolon', label: t('exports.csvSemicolon'), value: { format: 'csv', delimiter: ';' } },
  ];

  return (
    <Group gap="sm" wrap="nowrap">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={pending}>
            {t('exports.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('exports.pseudonymised')}</Menu.Label>
          {choices.map((c) => (
            <Menu.Item key={c.key} onClick={() => run(c.value)}>
              {c.label}
            </Menu.Item>
          ))}
          {isPresident && (
            <>
              <Menu.Divider />
              <Menu.Label>{t('exports.namedLabel')}</Menu.Label>
              {choices.map((c) => (
                <Menu.Item
                  key={`named-${c.key}`}
                  color="red"
                  onClick={() => {
                    setChoice(c.value);
                    setNamedOpen(true);
                  }}
                >
                  {t('exports.namedItem', { format: c.label })}
                </Menu.Item>
              ))}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {jobId && pending && <ExportProgress jobId={jobId} />}
      <OpErrorAlert error={pseudonymised.error ?? named.error} />
      <NamedExportModal
        opened={namedOpen}
        onClose={() => setNamedOpen(false)}
        onConfirm={(purpose) => {
          setNamedOpen(false);
          run(choice, purpose);
        }}
      />
    </Group>
  );
}
