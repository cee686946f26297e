import { Alert, Button, Checkbox, Group, Input, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_PARTNER_SHEET_BYTES,
  PARTNER_MAP_FILE_EXTENSION,
  type PartnerImportPlan,
  type PartnerImportSource,
} from '../../../electron/contract';
import { opKey, useOpMutation, type OpFailure } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { readAsText } from '../../ui/read-file';
import { readAsBase64 } from '../beneficiary-import/readFile';
import { problemKey } from '../case-follow-up/problems';
import { MapSigner, MergeCounts, MergeTable } from './MergePlanView';
import { SheetColumns } from './SheetColumns';

/** A map's text may be a few megabytes; the core refuses more. */
const MAX_MAP_BYTES = 8 * 1024 * 1024;

/** Why a chosen file was refused, said at the file field. */
function fileProblem(error: OpFailure | null): string | undefined {
  return error?.fields?.fileText ?? error?.fields?.contentBase64;
}

const SHEET_PROBLEMS = new Set(['unreadable_file', 'empty_file', 'too_many_rows']);

/**
 * Partners from another association's actor map or from a spreadsheet: choose the file, map a
 * spreadsheet's columns, see what the merge would do, then merge and see what it did.
 */
export function PartnerMapImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = useId();
  const [reading, setReading] = useState(false);
  const [unreadable, setUnreadable] = useState(false);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [source, setSource] = useState<PartnerImportSource | null>(null);
  const [accepted, setAccepted] = useState(false);
  const readSheet = useOpMutation('partners.readSheet');
  const preview = useOpMutation('partners.previewMerge', { onSuccess: (_plan, input) => setSource(input.source) });
  const merge = useOpMutation('partners.importMerge', {
    onSuccess: () => void client.invalidateQueries({ queryKey: opKey('partners.list') }),
  });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    if (!chosen) return;
    input.value = '';
    readSheet.reset();
    preview.reset();
    setFile(null);
    setUnreadable(false);
    const isMap = chosen.name.toLowerCase().endsWith(PARTNER_MAP_FILE_EXTENSION);
    if (chosen.size > (isMap ? MAX_MAP_BYTES : MAX_PARTNER_SHEET_BYTES)) return setUnreadable(true);
    setReading(true);
    try {
      if (isMap) preview.mutate({ source: { kind: 'map', fileText: await readAsText(chosen) } });
      else {
        const read = { fileName: chosen.name, contentBase64: await readAsBase64(chosen) };
        setFile(read);
        readSheet.mutate(read);
      }
    } catch {
      setUnreadable(true);
    } finally {
      setReading(false);
    }
  };

  if (merge.data) return <Report plan={merge.data} onDone={onDone} />;

  const plan = preview.data;
  if (plan && source) {
    const unverified = plan.signer !== null && plan.signer.partnerName === null && !plan.signer.ours;
    return (
      <Stack gap="md">
        {plan.signer && <MapSigner signer={plan.signer} />}
        <MergeCounts counts={plan.counts} />
        <Text size="sm" c="dimmed">
          {t('partners.import.previewHelp')}
        </Text>
        <MergeTable plan={plan} />
        {unverified && (
          <Checkbox
            label={t('partners.map.acceptUnverified')}
            checked={accepted}
            onChange={(event) => setAccepted(event.currentTarget.checked)}
          />
        )}
        <OpErrorAlert error={merge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={merge.isPending}
            disabled={unverified && !accepted}
            onClick={() => merge.mutate({ source, acceptUnverified: unverified && accepted })}
          >
            {t('partners.import.submit')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (file && readSheet.data) {
    return (
      <Stack gap="md">
        <SheetColumns file={file} sheet={readSheet.data} busy={preview.isPending} onPreview={(s) => preview.mutate({ source: s })} onCancel={onDone} />
        <OpErrorAlert error={preview.error} />
      </Stack>
    );
  }

  const problem = unreadable ? 'unreadable_file' : (fileProblem(readSheet.error) ?? fileProblem(preview.error));
  const working = reading || readSheet.isPending || preview.isPending;
  return (
    <Stack gap="md">
      <Text size="sm">{t('partners.import.intro')}</Text>
      <Input.Wrapper
        id={id}
        label={t('partners.import.file')}
        description={t('partners.import.fileHelp')}
        error={problem ? t(SHEET_PROBLEMS.has(problem) ? `partners.import.problems.${problem}` : problemKey(problem)) : undefined}
      >
        <input
          id={id}
          type="file"
          accept={`${PARTNER_MAP_FILE_EXTENSION},.csv,.xlsx`}
          disabled={working}
          onChange={(event) => void choose(event)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-description${problem ? ` ${id}-error` : ''}`}
        />
        {working && <Loader size="sm" role="status" aria-label={t('referralFiles.reading')} />}
      </Input.Wrapper>
      {!problem && <OpErrorAlert error={readSheet.error ?? preview.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function Report({ plan, onDone }: { plan: PartnerImportPlan; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title={t('partners.import.done')}>
        <MergeCounts counts={plan.counts} />
      </Alert>
      <MergeTable plan={plan} />
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          {t('partners.import.close')}
        </Button>
      </Group>
    </Stack>
  );
}
