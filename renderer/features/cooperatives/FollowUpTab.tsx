import { Anchor, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIso, visitInputSchema, type CooperativeDetail, type VisitInput, type VisitSlot } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { FormDateField } from '../../ui/dates/DateField';
import { useNumberFormats } from '../../ui/numbers';
import { useFieldError } from '../../ui/forms';
import { ModalActions } from '../../ui/ModalActions';
import { activityPath } from '../activities/paths';
import { useFormatDate } from '../beneficiaries/format';
import { useCanHandleDues } from '../members/MemberPage';
import { areaResolver } from '../members/problems';
import { useCooperativeOptions } from './labels';
import { useCooperativeSave } from './save';

function VisitForm({ cooperativeId, slot, onClose }: { cooperativeId: string; slot: VisitSlot; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useCooperativeOptions();
  const fieldError = useFieldError();
  const v = slot.visit;
  const form = useForm({
    resolver: areaResolver(visitInputSchema),
    defaultValues: {
      cooperativeId,
      month: slot.month,
      date: v?.date ?? todayIso(),
      revenueBand: v?.revenueBand ?? 'none',
      activeMembers: v?.activeMembers ?? 0,
      difficulties: v?.difficulties ?? '',
      supportNeeded: v?.supportNeeded ?? '',
    } satisfies VisitInput,
  });
  const save = useCooperativeSave('cooperatives.saveVisit', onClose, form);
  const fields = { difficulties: form.register('difficulties'), supportNeeded: form.register('supportNeeded') };
  return (
    <Modal opened onClose={onClose} title={t('cooperatives.visits.title', { month: slot.month })} size="lg">
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FormDateField form={form} name="date" label={t('cooperatives.visits.date')} required />
            <Controller
              control={form.control}
              name="revenueBand"
              render={({ field }) => (
                <Select
                  label={t('cooperatives.visits.revenueBand')}
                  data={options.revenueBand}
                  value={field.value}
                  onChange={(val) => val && field.onChange(val)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={form.control}
              name="activeMembers"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('cooperatives.visits.activeMembers')}
                  min={0}
                  allowDecimal={false}
                  value={field.value}
                  onChange={(val) => field.onChange(typeof val === 'number' ? val : undefined)}
                  error={fieldError(fieldState.error)}
                />
              )}
            />
          </SimpleGrid>
          <Textarea label={t('cooperatives.visits.difficulties')} rows={2} dir="auto" {...fields.difficulties} />
          <Textarea label={t('cooperatives.visits.supportNeeded')} rows={2} dir="auto" {...fields.supportNeeded} />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Sub-grants from the grants area, shown (with amounts) to those who handle money. */
function GrantsReceived({ detail }: { detail: CooperativeDetail }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const handlesMoney = useCanHandleDues();
  const grants = useOp('cooperatives.grants', { id: detail.cooperative.id }, { enabled: handlesMoney });
  const { money } = useNumberFormats();
  return (
    <Stack gap={4}>
      <Title order={3}>{t('cooperatives.grants.heading')}</Title>
      {!handlesMoney && (
        <Text size="sm" c="dimmed">
          {t('cooperatives.grants.moneyRoles')}
        </Text>
      )}
      {handlesMoney && !detail.cooperative.grantRecipientId && (
        <Text size="sm" c="dimmed">
          {t('cooperatives.grants.notLinked')}
        </Text>
      )}
      {grants.data?.map((g) => (
        <Text key={g.subGrantId} size="sm">
          {g.title}{' '}
          <Text span size="xs" c="dimmed">
            {g.reference}
          </Text>{' '}
          · {t('cooperatives.grants.amounts', { amount: money(g.amountMinor, g.currency), paid: money(g.disbursedMinor, g.currency) })} ·{' '}
          {formatDate(g.startDate)} – {formatDate(g.endDate)}
        </Text>
      ))}
      {handlesMoney && detail.cooperative.grantRecipientId && grants.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('cooperatives.grants.none')}
        </Text>
      )}
    </Stack>
  );
}

/** The 6- and 12-month visits once the cooperative exists, and the trainings its founders attended. */
export function FollowUpTab({ detail, editable }: { detail: CooperativeDetail; editable: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [editing, setEditing] = useState<VisitSlot | null>(null);
  return (
    <Stack gap="md">
      <Title order={3}>{t('cooperatives.visits.heading')}</Title>
      {!detail.createdOn && <Text c="dimmed">{t('cooperatives.visits.notYet')}</Text>}
      {detail.createdOn && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {detail.visits.map((slot) => (
            <Paper key={slot.month} withBorder p="md">
              <Stack gap={4}>
                <Text fw={600}>{t('cooperatives.visits.title', { month: slot.month })}</Text>
                <Text size="sm">{t('cooperatives.visits.due', { date: formatDate(slot.dueOn) })}</Text>
                {slot.visit ? (
                  <>
                    <Text size="sm">
                      {formatDate(slot.visit.date)} · {t(`cooperatives.revenueBand.${slot.visit.revenueBand}`)} ·{' '}
                      {t('cooperatives.visits.activeCount', { count: slot.visit.activeMembers })}
                    </Text>
                    {slot.visit.difficulties && (
                      <Text size="sm" dir="auto">
                        {slot.visit.difficulties}
                      </Text>
                    )}
                    {slot.visit.supportNeeded && (
                      <Text size="sm" dir="auto">
                        {slot.visit.supportNeeded}
                      </Text>
                    )}
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('cooperatives.visits.notDone')}
                  </Text>
                )}
                {editable && (
                  <Group>
                    <Button size="compact-sm" variant="light" onClick={() => setEditing(slot)}>
                      {slot.visit ? t('cooperatives.visits.edit') : t('cooperatives.visits.record')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Title order={3}>{t('cooperatives.trainings.heading')}</Title>
      {detail.trainings.length === 0 ? (
        <Text c="dimmed">{t('cooperatives.trainings.none')}</Text>
      ) : (
        <Stack gap={4}>
          {detail.trainings.map((tr) => (
            <Text key={tr.activityId} size="sm">
              <Anchor component={Link} to={activityPath(tr.activityId)}>
                {tr.title}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {tr.reference}
              </Text>{' '}
              · {t('cooperatives.trainings.founders', { count: tr.founders })}
            </Text>
          ))}
        </Stack>
      )}
      <GrantsReceived detail={detail} />
      {editing && <VisitForm cooperativeId={detail.cooperative.id} slot={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
