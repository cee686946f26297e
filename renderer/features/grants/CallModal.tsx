import { ActionIcon, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callInputSchema, type Call, type Criterion } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { IconPlus, IconTrash } from '../../ui/icons';
import { useInvalidateGrants } from './invalidate';
import { MoneyInput, moneyText, readMoney } from './money';
import { useFieldProblems } from './problems';

interface CriterionDraft {
  id?: string;
  label: string;
  weight: number | '';
}

/** A call for proposals of an agreement, with its weighted evaluation criteria. */
export function CallModal({
  agreementId,
  currency,
  call,
  criteria = [],
  onClose,
  onSaved,
}: {
  agreementId: string;
  currency: string;
  call?: Call;
  criteria?: Criterion[];
  onClose: () => void;
  onSaved?: (call: Call) => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const [title, setTitle] = useState(call?.title ?? '');
  const [openDate, setOpenDate] = useState(call?.openDate ?? '');
  const [closeDate, setCloseDate] = useState(call?.closeDate ?? '');
  const [envelope, setEnvelope] = useState(moneyText(call?.envelopeMinor));
  const [maxPerProject, setMaxPerProject] = useState(moneyText(call?.maxPerProjectMinor));
  const [eligibility, setEligibility] = useState(call?.eligibility ?? '');
  const [rows, setRows] = useState<CriterionDraft[]>(criteria.length > 0 ? criteria.map((c) => ({ ...c })) : [{ label: '', weight: 1 }]);
  const save = useOpMutation('grants.calls.save', {
    onSuccess: async (saved) => {
      await invalidate();
      onSaved?.(saved);
      onClose();
    },
    onError: problems.fromFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const extra: Record<string, string> = {};
    const input = problems.check(
      callInputSchema,
      {
        ...(call ? { id: call.id } : {}),
        agreementId,
        title,
        openDate,
        closeDate,
        envelopeMinor: readMoney(envelope, 'envelopeMinor', extra),
        maxPerProjectMinor: readMoney(maxPerProject, 'maxPerProjectMinor', extra),
        eligibility: eligibility || null,
        criteria: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), label: r.label, weight: r.weight === '' ? 0 : r.weight })),
      },
      extra,
    );
    if (input) save.mutate(input);
  };
  const update = (i: number, patch: Partial<CriterionDraft>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Modal opened onClose={onClose} size="xl" title={call ? t('grants.call.edit') : t('grants.call.new')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('grants.call.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={problems.errors.title} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('grants.call.openDate')} required value={openDate} onChange={(e) => setOpenDate(e.currentTarget.value)} error={problems.errors.openDate} />
            <TextInput type="date" label={t('grants.call.closeDate')} required value={closeDate} onChange={(e) => setCloseDate(e.currentTarget.value)} error={problems.errors.closeDate} />
            <MoneyInput label={t('grants.call.envelope')} required currency={currency} value={envelope} onChange={(e) => setEnvelope(e.currentTarget.value)} error={problems.errors.envelopeMinor} />
            <MoneyInput label={t('grants.call.maxPerProject')} required currency={currency} value={maxPerProject} onChange={(e) => setMaxPerProject(e.currentTarget.value)} error={problems.errors.maxPerProjectMinor} />
          </SimpleGrid>
          <Textarea label={t('grants.call.eligibility')} rows={3} value={eligibility} onChange={(e) => setEligibility(e.currentTarget.value)} />
          <Text fw={600} size="sm">
            {t('grants.call.criteria')}
          </Text>
          {problems.errors.criteria && (
            <Text c="red" size="sm" role="alert">
              {problems.errors.criteria}
            </Text>
          )}
          {rows.map((r, i) => (
            <Group key={r.id ?? `new-${i}`} wrap="nowrap" align="flex-start">
              <TextInput aria-label={t('grants.criterion.label')} placeholder={t('grants.criterion.label')} style={{ flex: 1 }} value={r.label} onChange={(e) => update(i, { label: e.currentTarget.value })} error={problems.errors[`criteria.${i}.label`]} />
              <NumberInput aria-label={t('grants.criterion.weight')} placeholder={t('grants.criterion.weight')} w={120} min={1} max={100} allowDecimal={false} value={r.weight} onChange={(v) => update(i, { weight: typeof v === 'number' ? v : '' })} error={problems.errors[`criteria.${i}.weight`]} />
              <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} mt={6}>
                <IconTrash width={18} height={18} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => setRows((rs) => [...rs, { label: '', weight: 1 }])} w="fit-content">
            {t('grants.criterion.add')}
          </Button>
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
