import { Button, Group, Loader, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { referralSearchSchema, referralStatusSchema, type ReferralFilters } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { FormDateField } from '../../ui/dates/DateField';
import { formResolver } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ImportReply } from '../exchange/ImportReply';
import { ExportButton } from '../reports/ExportButton';
import { ReferralStatusBadge } from './badges';
import { useDates } from './format';
import { PersonLink } from './PersonLink';
import { PersonBadges } from '../beneficiaries/PersonBadges';
import { PageHeader } from '../../ui/PageHeader';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

const PAGE_SIZE = 50;

// An empty date input or the "all statuses" choice means no filter, not an invalid value.
const { from, to, status } = referralSearchSchema.shape;
const none = z.literal('').transform(() => undefined);
const filtersFormSchema = z.object({ from: from.or(none), to: to.or(none), status: status.or(none) });

const valid = <T,>(schema: z.ZodType<T>, value: string | null): T | undefined => {
  const parsed = schema.safeParse(value ?? undefined);
  return parsed.success ? parsed.data : undefined;
};

/** The filters and the page live in the address, so "back" from a person finds the list as it was. */
function useListState(): [ReferralFilters & { page: number }, (filters: ReferralFilters, page: number) => void] {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page'));
  const state = {
    from: valid(from, params.get('from')),
    to: valid(to, params.get('to')),
    status: valid(status, params.get('status')),
    page: Number.isInteger(page) && page > 0 ? page : 0,
  };
  const set = (filters: ReferralFilters, nextPage: number) => {
    const search = new URLSearchParams();
    if (filters.from) search.set('from', filters.from);
    if (filters.to) search.set('to', filters.to);
    if (filters.status) search.set('status', filters.status);
    if (nextPage > 0) search.set('page', String(nextPage));
    setParams(search, { replace: true });
  };
  return [state, set];
}

/** Every referral to a partner, across people, filtered by period and status; exports what it shows. */
export function ReferralsListPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const [{ page, ...filters }, setState] = useListState();
  const list = useOp('referrals.search', { ...filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE }, { placeholderData: (previous) => previous });
  const form = useForm({
    resolver: formResolver(filtersFormSchema),
    values: { from: filters.from ?? '', to: filters.to ?? '', status: filters.status ?? '' },
  });
  const statusField = form.register('status');
  const total = list.data?.total ?? 0;
  const shown = list.data?.rows ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('followUp.referralsList.title')}
        intro={t('followUp.referralsList.intro')}
        links={[{ to: '/follow-up/received', label: t('referralFiles.received.link') }, { to: '/follow-up', label: t('partners.dashboardLink') }]}
      />
      <Group align="flex-end" justify="space-between" gap="sm" wrap="wrap">
        <form noValidate onSubmit={form.handleSubmit((values) => setState(values, 0))}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <FormDateField form={form} name="from" label={t('followUp.referralsList.from')} w={180} />
            <FormDateField form={form} name="to" label={t('followUp.referralsList.to')} w={180} />
            <NativeSelect
              label={t('followUp.referralsList.status')}
              w={200}
              data={[
                { value: '', label: t('followUp.referralsList.allStatuses') },
                ...referralStatusSchema.options.map((s) => ({ value: s, label: t(`core:referralStatus.${s}`) })),
              ]}
              {...statusField}
            />
            <Button type="submit" variant="default">
              {t('followUp.referralsList.show')}
            </Button>
          </Group>
        </form>
        {/* What the list shows, not what the form holds before "Show". */}
        <ExportButton list="referrals" filters={filters} />
      </Group>
      <ImportReply />
      <OpErrorAlert error={list.error} />
      {list.isPending && <Loader role="status" aria-label={t('app.loading')} />}
      {list.data && (
        <>
          <Text size="sm">
            {total === 0
              ? t('followUp.referralsList.empty')
              : t('followUp.referralsList.range', { from: page * PAGE_SIZE + 1, to: page * PAGE_SIZE + shown.length, total })}
          </Text>
          {shown.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('followUp.referralsList.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('followUp.dashboard.person')}</Table.Th>
                    <Table.Th>{t('followUp.referrals.partner')}</Table.Th>
                    <Table.Th>{t('followUp.referrals.sentOn')}</Table.Th>
                    <Table.Th>{t('followUp.referrals.status')}</Table.Th>
                    <Table.Th>{t('followUp.referrals.feedbackOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td miw={160}>
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <PersonLink person={row} />
                          <PersonBadges pseudonymous={row.pseudonymous} archived={row.archived} />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <bdi>{row.partnerName}</bdi>
                      </Table.Td>
                      {/* Isolated, not forced left-to-right: Arabic dates carry their own direction marks. */}
                      <Table.Td>
                        <bdi>{dates.day(row.sentOn)}</bdi>
                      </Table.Td>
                      <Table.Td>
                        <ReferralStatusBadge status={row.status} />
                      </Table.Td>
                      <Table.Td>{row.feedbackOn ? <bdi>{dates.day(row.feedbackOn)}</bdi> : t('followUp.none')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group>
            <Button variant="default" disabled={page === 0} onClick={() => setState(filters, page - 1)}>
              {t('followUp.referralsList.previous')}
            </Button>
            <Button variant="default" disabled={(page + 1) * PAGE_SIZE >= total} onClick={() => setState(filters, page + 1)}>
              {t('followUp.referralsList.next')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
