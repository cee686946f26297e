import { ActionIcon, Alert, Button, Checkbox, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSTITUTIVE_ASSEMBLY_STEP, templateInputSchema, type TemplateStep } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';

/** A code for a new step from its French label (`Attestation bancaire` → `attestation_bancaire`). */
const codeFrom = (label: string, taken: Set<string>): string => {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 40) || 'step';
  let code = base;
  for (let i = 2; taken.has(code); i += 1) code = `${base}_${i}`;
  return code;
};

/** The creation steps new projects start with. Projects already started keep their own steps. */
export function TemplateEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const template = useOp('cooperatives.template', {});
  if (template.isPending) return <Loader />;
  if (template.error) return <OpErrorAlert error={template.error} />;
  return <TemplateForm initial={template.data} canEdit={canEdit} title={t('cooperatives.settings.template')} />;
}

function TemplateForm({ initial, canEdit, title }: { initial: TemplateStep[]; canEdit: boolean; title: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [steps, setSteps] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const save = useOpMutation('cooperatives.saveTemplate', { onSuccess: (saved) => client.setQueryData(opKey('cooperatives.template', {}), saved) });
  const update = (i: number, change: Partial<TemplateStep>) => setSteps((list) => list.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const setLabel = (i: number, lang: 'fr' | 'ar' | 'en', value: string) => setSteps((list) => list.map((s, j) => (j === i ? { ...s, labels: { ...s.labels, [lang]: value } } : s)));
  const moveBy = (i: number, delta: number) =>
    setSteps((list) => {
      const next = [...list];
      const [step] = next.splice(i, 1);
      next.splice(i + delta, 0, step);
      return next;
    });
  const add = () =>
    setSteps((list) => [...list, { code: codeFrom(`step ${list.length + 1}`, new Set(list.map((s) => s.code))), labels: { fr: '', ar: '', en: '' }, mandatory: true }]);
  const submit = () => {
    const withCodes = steps.map((s) => (s.code.startsWith('step_') && s.labels.fr ? { ...s, code: codeFrom(s.labels.fr, new Set(steps.filter((o) => o !== s).map((o) => o.code))) } : s));
    const parsed = templateInputSchema.safeParse({ steps: withCodes });
    setInvalid(!parsed.success);
    if (parsed.success) save.mutate(parsed.data);
  };

  return (
    <Stack gap="sm">
      <Title order={3}>{title}</Title>
      <Text size="sm" c="dimmed">
        {t('cooperatives.settings.templateHelp')}
      </Text>
      <Table aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cooperatives.settings.labelFr')}</Table.Th>
            <Table.Th>{t('cooperatives.settings.labelAr')}</Table.Th>
            <Table.Th>{t('cooperatives.settings.labelEn')}</Table.Th>
            <Table.Th>{t('cooperatives.settings.mandatory')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((s, i) => (
            <Table.Tr key={s.code}>
              <Table.Td>
                <TextInput aria-label={t('cooperatives.settings.labelFr')} value={s.labels.fr} onChange={(e) => setLabel(i, 'fr', e.currentTarget.value)} disabled={!canEdit} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label={t('cooperatives.settings.labelAr')} dir="rtl" lang="ar" value={s.labels.ar} onChange={(e) => setLabel(i, 'ar', e.currentTarget.value)} disabled={!canEdit} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label={t('cooperatives.settings.labelEn')} value={s.labels.en} onChange={(e) => setLabel(i, 'en', e.currentTarget.value)} disabled={!canEdit} />
              </Table.Td>
              <Table.Td>
                <Checkbox aria-label={t('cooperatives.settings.mandatory')} checked={s.mandatory} onChange={(e) => update(i, { mandatory: e.currentTarget.checked })} disabled={!canEdit} />
              </Table.Td>
              <Table.Td>
                {canEdit && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('cooperatives.settings.up')} disabled={i === 0} onClick={() => moveBy(i, -1)}>
                      ↑
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t('cooperatives.settings.down')} disabled={i === steps.length - 1} onClick={() => moveBy(i, 1)}>
                      ↓
                    </ActionIcon>
                    {/* The founders and capital rules are checked at that step: the core refuses a template without it. */}
                    {s.code !== CONSTITUTIVE_ASSEMBLY_STEP && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setSteps((list) => list.filter((_, j) => j !== i))}>
                        {t('cooperatives.settings.removeStep')}
                      </Button>
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {invalid && (
        <Alert color="red" variant="light">
          {t('cooperatives.settings.templateInvalid')}
        </Alert>
      )}
      <OpErrorAlert error={save.error} />
      {save.isSuccess && (
        <Alert color="green" variant="light">
          {t('cooperatives.settings.templateSaved')}
        </Alert>
      )}
      {canEdit && (
        <Group>
          <Button variant="default" onClick={add}>
            {t('cooperatives.settings.addStep')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
