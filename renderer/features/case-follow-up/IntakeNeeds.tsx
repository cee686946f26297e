import { Badge, Button, Checkbox, Group, Loader, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  intakeNeedSchema,
  needMetInputSchema,
  SENSITIVE_NEEDS,
  todayIso,
  type IntakeNeed,
  type IntakeNeedCode,
} from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { validationMessage } from '../../i18n/validation';
import { IconLock } from '../../ui/icons';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { DateField } from './fields';
import { useDates } from './format';
import { contractResolver, problemKey, showFieldProblems } from './problems';

/**
 * The needs seen at intake (a checklist) and, for each, when it was met. It lives on the person's
 * follow-up rather than in the beneficiary form: needs are met one by one long after the intake.
 */
export function IntakeNeeds({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const needs = useOp('intakeNeeds.list', { beneficiaryId });
  if (needs.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (needs.error) return <OpErrorAlert error={needs.error} />;
  return (
    <Stack gap="lg">
      <Checklist beneficiaryId={beneficiaryId} recorded={needs.data} key={needs.data.map((n) => n.need).join()} />
      <Stack gap="sm" component="section" aria-labelledby="needs-met-title">
        <Title order={3} size="h4" id="needs-met-title">
          {t('followUp.needs.metTitle')}
        </Title>
        {needs.data.length === 0 ? (
          <Text c="dimmed">{t('followUp.needs.empty')}</Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {needs.data.map((need) => (
              <NeedItem key={need.need} beneficiaryId={beneficiaryId} need={need} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

function useNeedsChanged(beneficiaryId: string) {
  const client = useQueryClient();
  return (needs: IntakeNeed[]) => client.setQueryData(opKey('intakeNeeds.list', { beneficiaryId }), needs);
}

function Checklist({ beneficiaryId, recorded }: { beneficiaryId: string; recorded: IntakeNeed[] }) {
  const { t } = useTranslation();
  const changed = useNeedsChanged(beneficiaryId);
  const [ticked, setTicked] = useState<string[]>(recorded.map((n) => n.need));
  const save = useOpMutation('intakeNeeds.save', { onSuccess: changed });
  const problem = save.error?.fields?.needs;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="needs-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="needs-title">
          {t('followUp.needs.title')}
        </Title>
        <Checkbox.Group
          value={ticked}
          onChange={setTicked}
          label={t('followUp.needs.checklist')}
          error={problem ? t(problemKey(problem)) : undefined}
        >
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" mt="xs">
            {intakeNeedSchema.options.map((need) => (
              <Checkbox
                key={need}
                value={need}
                label={<NeedLabel need={need} />}
                description={SENSITIVE_NEEDS.includes(need) ? t('followUp.needs.sensitiveHint') : undefined}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {!problem && <OpErrorAlert error={save.error} />}
        {save.isSuccess && (
          <Text size="sm" c="green.8" role="status">
            {t('followUp.needs.saved')}
          </Text>
        )}
        <Group>
          <Button onClick={() => save.mutate({ beneficiaryId, needs: intakeNeedSchema.options.filter((need) => ticked.includes(need)) })} loading={save.isPending}>
            {t('followUp.needs.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function NeedLabel({ need }: { need: IntakeNeedCode }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" component="span">
      {t(`followUp.needs.code.${need}`)}
      {SENSITIVE_NEEDS.includes(need) && <IconLock width={14} height={14} aria-label={t('followUp.needs.sensitive')} />}
    </Group>
  );
}

function NeedItem({ beneficiaryId, need }: { beneficiaryId: string; need: IntakeNeed }) {
  const { t } = useTranslation();
  const dates = useDates();
  const changed = useNeedsChanged(beneficiaryId);
  const [marking, setMarking] = useState(false);
  const undo = useOpMutation('intakeNeeds.setMet', { onSuccess: changed });
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" gap="xs">
        <Stack gap={2}>
          <Text fw={600}>
            <NeedLabel need={need.need} />
          </Text>
          <Text size="sm" c="dimmed">
            {t('followUp.needs.recordedBy', { name: need.recordedByName, date: dates.moment(need.recordedAt) })}
          </Text>
        </Stack>
        {need.metOn ? (
          <Group gap="xs">
            <Badge color="green" variant="light" tt="none">
              {t('followUp.needs.metOn', { date: dates.day(need.metOn), name: need.metByName ?? '' })}
            </Badge>
            <Button size="xs" variant="subtle" onClick={() => undo.mutate({ beneficiaryId, need: need.need, metOn: null })} loading={undo.isPending}>
              {t('followUp.needs.notMet')}
            </Button>
          </Group>
        ) : (
          <Button size="xs" variant="light" onClick={() => setMarking(true)}>
            {t('followUp.needs.markMet')}
          </Button>
        )}
      </Group>
      <OpErrorAlert error={undo.error} />
      <Modal opened={marking} onClose={() => setMarking(false)} title={t('followUp.needs.markMetTitle', { need: t(`followUp.needs.code.${need.need}`) })} centered>
        {marking && <MetForm beneficiaryId={beneficiaryId} need={need.need} onDone={() => setMarking(false)} />}
      </Modal>
    </Paper>
  );
}

function MetForm({ beneficiaryId, need, onDone }: { beneficiaryId: string; need: IntakeNeedCode; onDone: () => void }) {
  const { t } = useTranslation();
  const changed = useNeedsChanged(beneficiaryId);
  const form = useForm({ resolver: contractResolver(needMetInputSchema), defaultValues: { beneficiaryId, need, metOn: todayIso() } });
  const mark = useOpMutation('intakeNeeds.setMet', {
    onSuccess: (needs) => {
      changed(needs);
      onDone();
    },
    onError: (error) => showFieldProblems(form, error, ['metOn']),
  });
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) =>
        // Here a day is required: taking a need back is the other button.
        values.metOn ? mark.mutate(values) : form.setError('metOn', { message: validationMessage('validation.required') }),
      )}
    >
      <Stack>
        <DateField form={form} name="metOn" label={t('followUp.needs.metDate')} withAsterisk maxDate={todayIso()} />
        <ModalActions error={mark.error} saving={mark.isPending} onCancel={onDone} submitLabel={t('followUp.needs.markMet')} />
      </Stack>
    </form>
  );
}
