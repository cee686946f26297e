import { Anchor, Badge, Button, Group, Loader, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  applicationInputSchema,
  decideInputSchema,
  decisionSchema,
  MAX_SCORE,
  scoreInputSchema,
  type ApplicationRow,
  type CallDetail,
} from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus } from '../../ui/icons';
import { CallModal } from './CallModal';
import { useDate } from './dates';
import { useInvalidateGrants } from './invalidate';
import { MoneyInput, readMoney, useMoney } from './money';
import { agreementPath, newSubGrantPath, subGrantPath } from './paths';
import { useFieldProblems } from './problems';
import { RecipientModal } from './RecipientsPage';

const decisionColour = { pending: 'gray', selected: 'green', reserve: 'yellow', rejected: 'red' } as const;

/** A call for proposals: its criteria, the applications ranked by weighted score, the decisions. */
export function CallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useOp('grants.calls.get', { id });
  const money = useMoney();
  const date = useDate();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [scoring, setScoring] = useState<ApplicationRow | null>(null);
  const [deciding, setDeciding] = useState<ApplicationRow | null>(null);
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const { call, agreement, criteria, applications } = detail.data;
  const currency = agreement.currency;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={agreementPath(agreement.id)} size="sm">
        {t('grants.call.back', { reference: agreement.reference })}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>
            {call.reference} — {call.title}
          </Title>
          <Text c="dimmed">
            {t('grants.call.summary', {
              start: date(call.openDate),
              end: date(call.closeDate),
              envelope: money(call.envelopeMinor, currency),
              max: money(call.maxPerProjectMinor, currency),
              committed: money(detail.data.committedMinor, currency),
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('grants.edit')}
          </Button>
          <Button leftSection={<IconPlus width={18} height={18} />} onClick={() => setAdding(true)}>
            {t('grants.application.new')}
          </Button>
        </Group>
      </Group>
      {call.eligibility && <Text size="sm">{call.eligibility}</Text>}
      <Text size="sm">{t('grants.call.criteriaList', { list: criteria.map((c) => `${c.label} (×${c.weight})`).join(' · ') })}</Text>
      {applications.length === 0 && <Text c="dimmed">{t('grants.application.none')}</Text>}
      {applications.length > 0 && (
        <Table.ScrollContainer minWidth={1100}>
        <Table striped aria-label={t('grants.application.ranking')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grants.application.rank')}</Table.Th>
              <Table.Th>{t('grants.application.recipient')}</Table.Th>
              <Table.Th>{t('grants.application.project')}</Table.Th>
              <Table.Th>{t('grants.application.requested')}</Table.Th>
              <Table.Th>{t('grants.application.total')}</Table.Th>
              <Table.Th>{t('grants.application.decision')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {applications.map((a) => (
              <Table.Tr key={a.id} data-testid={`application-${a.projectTitle}`}>
                <Table.Td>{a.rank ?? '—'}</Table.Td>
                <Table.Td>{a.recipientName}</Table.Td>
                <Table.Td>{a.projectTitle}</Table.Td>
                <Table.Td>{money(a.requestedMinor, currency)}</Table.Td>
                <Table.Td data-figure="total">{a.total === null ? '—' : t('grants.application.totalValue', { total: a.total, max: MAX_SCORE })}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={decisionColour[a.decision]} variant="light">
                    {t(`grants.decision.${a.decision}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setScoring(a)}>
                      {t('grants.application.score')}
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => setDeciding(a)}>
                      {t('grants.application.decide')}
                    </Button>
                    {a.decision === 'selected' && !a.subGrantId && (
                      <Button size="xs" component={Link} to={newSubGrantPath(agreement.id, { callId: call.id, applicationId: a.id })}>
                        {t('grants.application.toSubGrant')}
                      </Button>
                    )}
                    {a.subGrantId && (
                      <Anchor component={Link} to={subGrantPath(a.subGrantId)} size="sm">
                        {t('grants.application.openSubGrant')}
                      </Anchor>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </Table.ScrollContainer>
      )}
      {editing && <CallModal agreementId={agreement.id} currency={currency} call={call} criteria={criteria} onClose={() => setEditing(false)} />}
      {adding && <ApplicationModal detail={detail.data} onClose={() => setAdding(false)} />}
      {scoring && <ScoreModal detail={detail.data} application={scoring} onClose={() => setScoring(null)} />}
      {deciding && <DecideModal application={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}

function ApplicationModal({ detail, onClose }: { detail: CallDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const recipients = useOp('grants.recipients.list', { includeArchived: false });
  const [newRecipient, setNewRecipient] = useState(false);
  const [recipientId, setRecipientId] = useState<string | null>(null);
  const [projectTitle, setProjectTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [requested, setRequested] = useState('');
  const save = useOpMutation('grants.applications.save', {
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
    onError: problems.fromFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const extra: Record<string, string> = {};
    const input = problems.check(
      applicationInputSchema,
      { callId: detail.call.id, recipientId: recipientId ?? '', projectTitle, summary: summary || null, requestedMinor: readMoney(requested, 'requestedMinor', extra) },
      extra,
    );
    if (input) save.mutate(input);
  };
  return (
    <>
      <Modal opened={!newRecipient} onClose={onClose} size="lg" title={t('grants.application.new')}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Group align="flex-end">
              <Select
                label={t('grants.application.recipient')}
                required
                searchable
                data={(recipients.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
                value={recipientId}
                onChange={setRecipientId}
                error={problems.errors.recipientId}
                style={{ flex: 1 }}
                data-autofocus
              />
              <Button variant="default" onClick={() => setNewRecipient(true)}>
                {t('grants.recipients.new')}
              </Button>
            </Group>
            <TextInput label={t('grants.application.project')} required value={projectTitle} onChange={(e) => setProjectTitle(e.currentTarget.value)} error={problems.errors.projectTitle} />
            <Textarea label={t('grants.application.summary')} rows={3} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
            <MoneyInput label={t('grants.application.requested')} required currency={detail.agreement.currency} value={requested} onChange={(e) => setRequested(e.currentTarget.value)} error={problems.errors.requestedMinor} />
            <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
          </Stack>
        </form>
      </Modal>
      {newRecipient && <RecipientModal onClose={() => setNewRecipient(false)} onSaved={(r) => setRecipientId(r.id)} />}
    </>
  );
}

function ScoreModal({ detail, application, onClose }: { detail: CallDetail; application: ApplicationRow; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const [evaluator, setEvaluator] = useState('');
  const [scores, setScores] = useState<Record<string, number | ''>>({});
  const pickEvaluator = (name: string) => {
    setEvaluator(name);
    const earlier = application.evaluations.find((e) => e.evaluator === name.trim());
    if (earlier) setScores(earlier.scores);
  };
  const save = useOpMutation('grants.applications.score', {
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
    onError: problems.fromFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = problems.check(scoreInputSchema, {
      applicationId: application.id,
      evaluator,
      scores: detail.criteria.map((c) => ({ criterionId: c.id, score: scores[c.id] === undefined || scores[c.id] === '' ? -1 : scores[c.id] })),
    });
    if (input) save.mutate(input);
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={t('grants.application.scoreTitle', { project: application.projectTitle })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('grants.application.evaluator')} required value={evaluator} onChange={(e) => pickEvaluator(e.currentTarget.value)} error={problems.errors.evaluator} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {detail.criteria.map((c, i) => (
              <NumberInput
                key={c.id}
                label={t('grants.application.criterionScore', { label: c.label, weight: c.weight, max: MAX_SCORE })}
                min={0}
                max={MAX_SCORE}
                allowDecimal={false}
                value={scores[c.id] ?? ''}
                onChange={(v) => setScores((s) => ({ ...s, [c.id]: typeof v === 'number' ? v : '' }))}
                error={problems.errors[`scores.${i}.score`]}
              />
            ))}
          </SimpleGrid>
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function DecideModal({ application, onClose }: { application: ApplicationRow; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const [decision, setDecision] = useState<string>(application.decision === 'pending' ? 'selected' : application.decision);
  const [reason, setReason] = useState(application.decisionReason ?? '');
  const save = useOpMutation('grants.applications.decide', {
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
    onError: problems.fromFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = problems.check(decideInputSchema, { applicationId: application.id, decision, reason: reason || null });
    if (input) save.mutate(input);
  };
  return (
    <Modal opened onClose={onClose} title={t('grants.application.decideTitle', { project: application.projectTitle })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            value={decision}
            onChange={setDecision}
            data={decisionSchema.options.map((d) => ({ value: d, label: t(`grants.decision.${d}`) }))}
            aria-label={t('grants.application.decision')}
          />
          <Textarea label={t('grants.application.reason')} rows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={problems.errors.reason} />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
