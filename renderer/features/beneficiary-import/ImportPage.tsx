import { Anchor, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportPreview, ImportReport, ImportValueChoices, ImportValueQuestion } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { FileStep, type ChosenFile } from './FileStep';
import { MappingStep, type ImportSetup } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { newJobId } from './readFile';
import { ReportStep } from './ReportStep';
import { ValuesStep } from './ValuesStep';

type Wizard =
  | { step: 'file' }
  | { step: 'mapping'; file: ChosenFile; preview: ImportPreview; setup?: ImportSetup }
  | { step: 'values'; file: ChosenFile; preview: ImportPreview; setup: ImportSetup; questions: ImportValueQuestion[] }
  | { step: 'running'; file: ChosenFile; preview: ImportPreview; setup: ImportSetup; jobId: string }
  | { step: 'report'; file: ChosenFile; report: ImportReport };

const steps = ['file', 'mapping', 'values', 'running', 'report'] as const;

/** Import people from an association's spreadsheet: file, columns, values, progress, report. */
export function ImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [wizard, setWizard] = useState<Wizard>({ step: 'file' });
  const reread = useOpMutation('beneficiaries.importPreview');
  const ask = useOpMutation('beneficiaries.importValues');
  const run = useOpMutation('beneficiaries.import');

  const start = (file: ChosenFile, preview: ImportPreview, setup: ImportSetup, values: ImportValueChoices) => {
    const jobId = newJobId();
    setWizard({ step: 'running', file, preview, setup, jobId });
    run.mutate(
      { fileName: file.name, contentBase64: file.contentBase64, ...setup, values, jobId },
      {
        onSuccess: (report) => {
          setWizard({ step: 'report', file, report });
          for (const op of ['beneficiaries.search', 'beneficiaries.duplicatePairs', 'followUp.dashboard'] as const) {
            void client.invalidateQueries({ queryKey: opKey(op) });
          }
        },
        onError: () => setWizard({ step: 'mapping', file, preview, setup }),
      },
    );
  };

  const toValues = (file: ChosenFile, preview: ImportPreview, setup: ImportSetup) => {
    run.reset();
    ask.mutate(
      { fileName: file.name, contentBase64: file.contentBase64, ...setup },
      {
        onSuccess: (questions) =>
          questions.length > 0 ? setWizard({ step: 'values', file, preview, setup, questions }) : start(file, preview, setup, {}),
      },
    );
  };

  const headerRow = (file: ChosenFile, line: number) =>
    reread.mutate(
      { fileName: file.name, contentBase64: file.contentBase64, headerRow: line },
      { onSuccess: (preview) => setWizard({ step: 'mapping', file, preview }) },
    );

  const again = () => {
    run.reset();
    ask.reset();
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
          {wizard.step === 'file' && <FileStep onPreview={(file, preview) => setWizard({ step: 'mapping', file, preview })} />}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.mapping')} allowStepSelect={false}>
          {wizard.step === 'mapping' && (
            <MappingStep
              key={wizard.preview.headerRow}
              fileName={wizard.file.name}
              preview={wizard.preview}
              initial={wizard.setup ?? { mapping: wizard.preview.suggestedMapping }}
              error={run.error ?? ask.error ?? reread.error}
              busy={ask.isPending || reread.isPending}
              onBack={again}
              onHeaderRow={(line) => headerRow(wizard.file, line)}
              onContinue={(setup) => toValues(wizard.file, wizard.preview, setup)}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.values')} allowStepSelect={false}>
          {wizard.step === 'values' && (
            <ValuesStep
              questions={wizard.questions}
              error={run.error}
              onBack={() => setWizard({ step: 'mapping', file: wizard.file, preview: wizard.preview, setup: wizard.setup })}
              onImport={(values) => start(wizard.file, wizard.preview, wizard.setup, values)}
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
