import { Anchor, Badge, Button, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import {
  applicationInputSchema,
  decideInputSchema,
  decisionSchema,
  MAX_SCORE,
  scoreInputSchema,
  type ApplicationRow,
  type CallDetail,
  type Decision,
} from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus } from '../../ui/icons';
import { ArchiveToggle } from './ArchiveToggle';
import { CallModal } from './CallModal';
import { useDate } from './dates';
import { MoneyField, NumberField, SegmentedField, SelectField, TextAreaField, TextField } from './fields';
import { useGrantsSave } from './save';
import { grantsResolver } from './form';
import { useMoney } from './money';
import { agreementPath, newSubGrantPath, subGrantPath } from './paths';
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
        <Group gap="xs" align="flex-start">
          {call.archivedAt && <Badge color="gray">{t('grants.call.archivedBadge')}</Badge>}
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('grants.edit')}
          </Button>
          <ArchiveToggle kind="call" id={call.id} archivedAt={call.archivedAt} />
          {!call.archivedAt && (
            <Button leftSection={<IconPlus width={18} height={18} />} onClick={() => setAdding(true)}>
              {t('grants.application.new')}
            </Button>
          )}
        </Group>
      </Group>
      {call.archivedAt && (
        <Text size="sm" c="dimmed">
          {t('grants.call.archivedHint')}
        </Text>
      )}
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
                    {a.decision === 'selected' && !a.subGrantId && !call.archivedAt && (
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

interface ApplicationDraft {
  recipientId: string;
  projectTitle: string;
  summary: string;
  requestedMinor: string;
}

function ApplicationModal({ detail, onClose }: { detail: CallDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const recipients = useOp('grants.recipients.list', { includeArchived: false });
  const [newRecipient, setNewRecipient] = useState(false);
  const form = useForm<ApplicationDraft, unknown, z.output<typeof applicationInputSchema>>({
    defaultValues: { recipientId: '', projectTitle: '', summary: '', requestedMinor: '' },
    resolver: grantsResolver(applicationInputSchema, (d, read) => ({ ...d, callId: detail.call.id, requestedMinor: read.money(d.requestedMinor, 'requestedMinor') })),
  });
  const save = useGrantsSave('grants.applications.save', form, onClose);
  const { control } = form;
  return (
    <>
      <Modal opened={!newRecipient} onClose={onClose} size="lg" title={t('grants.application.new')}>
        <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
          <Stack gap="sm">
            <Group align="flex-end">
              <SelectField
                control={control}
                name="recipientId"
                label={t('grants.application.recipient')}
                required
                searchable
                data={(recipients.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
                style={{ flex: 1 }}
                data-autofocus
              />
              <Button variant="default" onClick={() => setNewRecipient(true)}>
                {t('grants.recipients.new')}
              </Button>
            </Group>
            <TextField control={control} name="projectTitle" label={t('grants.application.project')} required />
            <TextAreaField control={control} name="summary" label={t('grants.application.summary')} rows={3} />
            <MoneyField control={control} name="requestedMinor" label={t('grants.application.requested')} required currency={detail.agreement.currency} />
            <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
          </Stack>
        </form>
      </Modal>
      {newRecipient && <RecipientModal onClose={() => setNewRecipient(false)} onSaved={(r) => form.setValue('recipientId', r.id)} />}
    </>
  );
}

interface ScoreDraft {
  evaluator: string;
  /** One per criterion of the call, in its order. */
  scores: { criterionId: string; score: number | '' }[];
}

const scoresOf = (criteria: CallDetail['criteria'], earlier: Record<string, number>): ScoreDraft['scores'] =>
  criteria.map((c) => ({ criterionId: c.id, score: earlier[c.id] ?? '' }));

function ScoreModal({ detail, application, onClose }: { detail: CallDetail; application: ApplicationRow; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<ScoreDraft, unknown, z.output<typeof scoreInputSchema>>({
    defaultValues: { evaluator: '', scores: scoresOf(detail.criteria, {}) },
    resolver: grantsResolver(scoreInputSchema, (d) => ({ ...d, applicationId: application.id })),
  });
  const { control, setValue } = form;
  // An evaluator already on this application finds their scores again, to correct them.
  const evaluator = useWatch({ control, name: 'evaluator' });
  const earlier = application.evaluations.find((e) => e.evaluator === evaluator.trim());
  useEffect(() => {
    if (earlier) setValue('scores', scoresOf(detail.criteria, earlier.scores));
  }, [earlier, detail.criteria, setValue]);
  const save = useGrantsSave('grants.applications.score', form, onClose);
  return (
    <Modal opened onClose={onClose} size="lg" title={t('grants.application.scoreTitle', { project: application.projectTitle })}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <TextField control={control} name="evaluator" label={t('grants.application.evaluator')} required data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {detail.criteria.map((c, i) => (
              <NumberField
                key={c.id}
                control={control}
                name={`scores.${i}.score`}
                label={t('grants.application.criterionScore', { label: c.label, weight: c.weight, max: MAX_SCORE })}
                min={0}
                max={MAX_SCORE}
              />
            ))}
          </SimpleGrid>
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

interface DecisionDraft {
  decision: Decision;
  reason: string;
}

function DecideModal({ application, onClose }: { application: ApplicationRow; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<DecisionDraft, unknown, z.output<typeof decideInputSchema>>({
    defaultValues: { decision: application.decision === 'pending' ? 'selected' : application.decision, reason: application.decisionReason ?? '' },
    resolver: grantsResolver(decideInputSchema, (d) => ({ ...d, applicationId: application.id })),
  });
  const save = useGrantsSave('grants.applications.decide', form, onClose);
  const { control } = form;
  return (
    <Modal opened onClose={onClose} title={t('grants.application.decideTitle', { project: application.projectTitle })}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <SegmentedField
            control={control}
            name="decision"
            data={decisionSchema.options.map((d) => ({ value: d, label: t(`grants.decision.${d}`) }))}
            label={t('grants.application.decision')}
          />
          <TextAreaField control={control} name="reason" label={t('grants.application.reason')} rows={3} />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
