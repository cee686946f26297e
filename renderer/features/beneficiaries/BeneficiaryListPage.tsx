import { Button, Group, Loader, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ageBandSchema, sexSchema, SEARCH_COUNT_CAP } from '../../../electron/contract';
import { IconPlus, IconSearch } from '../../ui/icons';
import { ExportButton } from '../reports/ExportButton';
import { BeneficiaryTable } from './BeneficiaryTable';
import { useCountryOptions } from './countries';
import { useFormatNumber } from './format';
import { useLookupLabels } from './lookups';
import { duplicatesPath, followUpPath, importPath, newPath } from './paths';
import { hasFilters, searchInputOf, useListState, type SortBy } from './search-params';
import classes from './BeneficiaryListPage.module.css';
import { useFirstPage } from './usePagedSearch';

export function BeneficiaryListPage() {
  const { t } = useTranslation();
  const [state, update] = useListState();
  const search = searchInputOf(state);
  const firstPage = useFirstPage(search);
  const formatNumber = useFormatNumber();

  const [city, setCity] = useState(state.city ?? '');
  const runCity = useDebouncedCallback((value: string) => update({ city: value.trim() || undefined }), 300);
  const focusFirstRow = useRef<() => void>(() => {});

  const onSort = (by: SortBy) =>
    update({ sortBy: by, direction: state.sortBy === by && state.direction === 'asc' ? 'desc' : 'asc' });

  const total = firstPage.data?.total ?? 0;
  const count = firstPage.data?.capped ? `${SEARCH_COUNT_CAP}+` : formatNumber(total);

  return (
    <Stack gap="md" className={classes.page}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={1}>{t('areas.beneficiaries')}</Title>
        <Group gap="xs" wrap="wrap">
          <ExportButton list="beneficiaries" filters={search} />
          <Button component={Link} to={followUpPath} variant="default">
            {t('beneficiaries.list.followUp')}
          </Button>
          <Button component={Link} to={duplicatesPath} variant="default">
            {t('beneficiaries.list.duplicates')}
          </Button>
          <Button component={Link} to={importPath} variant="default">
            {t('beneficiaries.list.import')}
          </Button>
          <Button component={Link} to={newPath} leftSection={<IconPlus width={18} height={18} />}>
            {t('beneficiaries.list.new')}
          </Button>
        </Group>
      </Group>

      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchBox
          initial={state.query}
          onSearch={(query) => update({ query })}
          onArrowDown={() => focusFirstRow.current()}
        />
        <Text size="sm" c="dimmed" aria-live="polite" className={classes.count}>
          {firstPage.isPending ? <Loader size="xs" /> : t('beneficiaries.list.count', { count })}
        </Text>
        <Switch
          label={t('beneficiaries.filters.openProcedure')}
          checked={state.openProcedure}
          onChange={(event) => update({ openProcedure: event.currentTarget.checked })}
          className={classes.archived}
        />
        <Switch
          label={t('beneficiaries.filters.archived')}
          checked={state.archived}
          onChange={(event) => update({ archived: event.currentTarget.checked })}
          className={classes.archived}
        />
      </Group>

      <Filters
        state={state}
        update={update}
        city={city}
        onCity={(value) => {
          setCity(value);
          runCity(value);
        }}
        onReset={() => {
          setCity('');
          update({
            category: undefined,
            sex: undefined,
            ageBand: undefined,
            nationality: undefined,
            city: undefined,
            legalStatus: undefined,
            openProcedure: false,
            archived: false,
          });
        }}
      />

      {firstPage.data?.capped && (
        <Text size="sm" c="orange.9">
          {t('beneficiaries.list.capped', { count: SEARCH_COUNT_CAP })}
        </Text>
      )}

      <BeneficiaryTable
        search={search}
        sort={{ by: state.sortBy, direction: state.direction }}
        onSort={onSort}
        registerFocusFirst={(focus) => {
          focusFirstRow.current = focus;
        }}
      />
    </Stack>
  );
}

/**
 * The box answers each key at once and on its own (the list does not re-render per key); the
 * search follows 150 ms after the last key, or at once on Enter.
 */
function SearchBox({ initial, onSearch, onArrowDown }: { initial: string; onSearch: (query: string) => void; onArrowDown: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(initial);
  const runSearch = useDebouncedCallback(onSearch, 150);
  return (
    <TextInput
      type="search"
      label={t('beneficiaries.list.search')}
      placeholder={t('beneficiaries.list.searchPlaceholder')}
      leftSection={<IconSearch width={18} height={18} />}
      value={typed}
      onChange={(event) => {
        setTyped(event.currentTarget.value);
        runSearch(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          onArrowDown();
        } else if (event.key === 'Enter') {
          runSearch.flush();
        }
      }}
      autoFocus
      className={classes.search}
    />
  );
}

interface FiltersProps {
  state: ReturnType<typeof useListState>[0];
  update: ReturnType<typeof useListState>[1];
  city: string;
  onCity: (value: string) => void;
  onReset: () => void;
}

function Filters({ state, update, city, onCity, onReset }: FiltersProps) {
  const { t } = useTranslation();
  const lookups = useLookupLabels();
  const countries = useCountryOptions();
  const sexes = sexSchema.options.map((value) => ({ value, label: t(`beneficiaries.sex.${value}`) }));
  const ages = ageBandSchema.options.map((value) => {
    const [from, to] = value.replace('+', '').split('-');
    return { value, label: to ? t('beneficiaries.ageRange', { from, to }) : t('beneficiaries.ageOver', { from }) };
  });
  const anyLabel = t('beneficiaries.filters.any');

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={t('beneficiaries.filters.label')}>
      <Select
        label={t('beneficiaries.field.category')}
        placeholder={anyLabel}
        data={lookups.options('category', state.category ? [state.category] : [])}
        value={state.category ?? null}
        onChange={(value) => update({ category: value ?? undefined })}
        clearable
        searchable
        w={200}
      />
      <Select
        label={t('beneficiaries.field.sex')}
        placeholder={anyLabel}
        data={sexes}
        value={state.sex ?? null}
        onChange={(value) => update({ sex: sexSchema.safeParse(value).data })}
        clearable
        w={110}
      />
      <Select
        label={t('beneficiaries.filters.ageBand')}
        placeholder={anyLabel}
        data={ages}
        value={state.ageBand ?? null}
        onChange={(value) => update({ ageBand: ageBandSchema.safeParse(value).data })}
        clearable
        w={130}
      />
      <Select
        label={t('beneficiaries.field.nationality')}
        placeholder={anyLabel}
        data={countries}
        value={state.nationality ?? null}
        onChange={(value) => update({ nationality: value ?? undefined })}
        clearable
        searchable
        nothingFoundMessage={t('beneficiaries.nothingFound')}
        w={180}
      />
      <TextInput
        label={t('beneficiaries.field.city')}
        placeholder={anyLabel}
        value={city}
        onChange={(event) => onCity(event.currentTarget.value)}
        w={130}
      />
      <Select
        label={t('beneficiaries.field.legalStatusCode')}
        placeholder={anyLabel}
        data={lookups.options('legalStatus', state.legalStatus ? [state.legalStatus] : [])}
        value={state.legalStatus ?? null}
        onChange={(value) => update({ legalStatus: value ?? undefined })}
        clearable
        searchable
        w={210}
      />
      {hasFilters(state) && (
        <Button variant="subtle" onClick={onReset} mb={2}>
          {t('beneficiaries.filters.reset')}
        </Button>
      )}
    </Group>
  );
}
