import { Anchor, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportPreview, ImportReport } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { FileStep, type ChosenFile } from './FileStep';
import { MappingStep, type Mapping } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { newJobId } from './readFile';
import { ReportStep } from './ReportStep';

type Wizard =
  | { step: 'file' }
  | { step: 'mapping'; file: ChosenFile; preview: ImportPreview; mapping: Mapping }
  | { step: 'running'; file: ChosenFile; preview: ImportPreview; mapping: Mapping; jobId: string }
  | { step: 'report'; file: ChosenFile; report: ImportReport };

const steps = ['file', 'mapping', 'running', 'report'] as const;

/** Import people from an association's spreadsheet: file, columns, progress, report. */
export function ImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [wizard, setWizard] = useState<Wizard>({ step: 'file' });
  const run = useOpMutation('beneficiaries.import');

  const start = (file: ChosenFile, preview: ImportPreview, mapping: Mapping) => {
    const jobId = newJobId();
    setWizard({ step: 'running', file, preview, mapping, jobId });
    run.mutate(
      { fileName: file.name, contentBase64: file.contentBase64, mapping, jobId },
      {
        onSuccess: (report) => {
          setWizard({ step: 'report', file, report });
          for (const op of ['beneficiaries.search', 'beneficiaries.duplicatePairs', 'followUp.dashboard'] as const) {
            void client.invalidateQueries({ queryKey: opKey(op) });
          }
        },
        onError: () => setWizard({ step: 'mapping', file, preview, mapping }),
      },
    );
  };

  const again = () => {
    run.reset();
    setWizard({ step: 'file' });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('import.title')}</Title>
          <Text c="dimmed">{t('import.intro')}</Text>
        </Stack>
        <Anchor component={Link} to="/beneficiaries">
          {t('import.backToList')}
        </Anchor>
      </Group>
      <Stepper active={steps.indexOf(wizard.step)} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('import.steps.file')} allowStepSelect={false}>
          {wizard.step === 'file' && (
            <FileStep onPreview={(file, preview) => setWizard({ step: 'mapping', file, preview, mapping: preview.suggestedMapping })} />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.mapping')} allowStepSelect={false}>
          {wizard.step === 'mapping' && (
            <MappingStep
              fileName={wizard.file.name}
              preview={wizard.preview}
              initial={wizard.mapping}
              error={run.error}
              onBack={again}
              onImport={(mapping) => start(wizard.file, wizard.preview, mapping)}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.running')} allowStepSelect={false}>
          {wizard.step === 'running' && <ProgressStep jobId={wizard.jobId} />}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.report')} allowStepSelect={false}>
          {wizard.step === 'report' && <ReportStep report={wizard.report} fileName={wizard.file.name} onAgain={again} />}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
