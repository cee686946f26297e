import { Button, Group, Loader, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
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
import { hasFilters, searchInputOf, useListFilters, useListState, type ListFilters, type SearchInput, type SortBy } from './search-params';
import classes from './BeneficiaryListPage.module.css';
import { prefetchFirstPage, useFirstPage } from './usePagedSearch';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

export function BeneficiaryListPage() {
  const { t } = useTranslation();
  const [state, update] = useListState();

  // The text searched runs ahead of the address: the address (and with it every link of the
  // shell, which the router renders again for any change of it) follows only when the box is left
  // (a click elsewhere, Enter, the down arrow), never between two keys. An address changed from
  // elsewhere (a link to the list) is taken back into the box; the page's own writes are not.
  const [query, setQuery] = useState(state.query);
  const [written, setWritten] = useState(state.query);
  const [seenAddress, setSeenAddress] = useState(state.query);
  const [boxKey, setBoxKey] = useState(0);
  if (state.query !== seenAddress) {
    setSeenAddress(state.query);
    if (state.query !== written) {
      setWritten(state.query);
      setQuery(state.query);
      setBoxKey((key) => key + 1);
    }
  }
  const unwritten = useRef<string | null>(null);
  const writeAddress = useCallback(() => {
    const typed = unwritten.current;
    if (typed === null) return;
    unwritten.current = null;
    setWritten(typed);
    update({ query: typed });
  }, [update]);
  const queryClient = useQueryClient();
  // A key asks the core at once and the page renders once, when the answer for the latest text
  // is in: nothing renders in between to compete with the core for the machine.
  const latestTyped = useRef(state.query);
  const onType = useCallback(
    (typed: string) => {
      latestTyped.current = typed;
      unwritten.current = typed;
      void prefetchFirstPage(queryClient, searchInputOf({ ...state, query: typed })).then(() => {
        if (latestTyped.current === typed) setQuery(typed);
      });
    },
    [queryClient, state],
  );

  const search = useMemo(() => searchInputOf({ ...state, query }), [state, query]);
  const filters = useListFilters(state);
  const firstPage = useFirstPage(search);
  const formatNumber = useFormatNumber();
  const focusFirstRow = useRef<() => void>(() => {});
  const onArrowDown = useCallback(() => {
    writeAddress();
    focusFirstRow.current();
  }, [writeAddress]);
  const registerFocusFirst = useCallback((focus: () => void) => {
    focusFirstRow.current = focus;
  }, []);

  const onSort = useCallback(
    (by: SortBy) => update({ sortBy: by, direction: state.sortBy === by && state.direction === 'asc' ? 'desc' : 'asc' }),
    [update, state.sortBy, state.direction],
  );
  const sort = useMemo(() => ({ by: state.sortBy, direction: state.direction }), [state.sortBy, state.direction]);

  const total = firstPage.data?.total ?? 0;
  const count = firstPage.data?.capped ? `${SEARCH_COUNT_CAP}+` : formatNumber(total);

  // What an export takes is what the address says: the box was left (for the export button) by
  // the time a format is chosen in the menu.
  const exportFilters = useMemo(() => searchInputOf(state), [state]);

  return (
    <Stack gap="md" className={classes.page}>
      <ListHeader exportFilters={exportFilters} />

      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchBox key={boxKey} initial={written} onType={onType} onDone={writeAddress} onArrowDown={onArrowDown} />
        <Text size="sm" c="dimmed" aria-live="polite" className={classes.count}>
          {firstPage.isPending ? <Loader size="xs" /> : t('beneficiaries.list.count', { count })}
        </Text>
        <Switches openProcedure={state.openProcedure} archived={state.archived} update={update} />
      </Group>

      <Filters state={filters} update={update} />

      {firstPage.data?.capped && (
        <Text size="sm" c="orange.9">
          {t('beneficiaries.list.capped', { count: SEARCH_COUNT_CAP })}
        </Text>
      )}

      <BeneficiaryTable search={search} sort={sort} onSort={onSort} registerFocusFirst={registerFocusFirst} />
    </Stack>
  );
}

const ListHeader = memo(function ListHeader({ exportFilters }: { exportFilters: SearchInput }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Title order={1}>{t('areas.beneficiaries')}</Title>
      <Group gap="xs" wrap="wrap">
        <ExportButton list="beneficiaries" filters={exportFilters} />
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
  );
});

interface SearchBoxProps {
  initial: string;
  onType: (typed: string) => void;
  /** The person is done typing (Enter, or the box left): the address catches up at once. */
  onDone: () => void;
  onArrowDown: () => void;
}

/**
 * Each key searches at once, from its own event; the latest text's answer is the one shown. The
 * box keeps its own text (uncontrolled), so a key re-renders nothing of it.
 */
const SearchBox = memo(function SearchBox({ initial, onType, onDone, onArrowDown }: SearchBoxProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="search"
      label={t('beneficiaries.list.search')}
      placeholder={t('beneficiaries.list.searchPlaceholder')}
      leftSection={<IconSearch width={18} height={18} />}
      defaultValue={initial}
      onChange={(event) => onType(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          onArrowDown();
        } else if (event.key === 'Enter') {
          onDone();
        }
      }}
      onBlur={onDone}
      autoFocus
      className={classes.search}
    />
  );
});

type Update = ReturnType<typeof useListState>[1];

const Switches = memo(function Switches({ openProcedure, archived, update }: { openProcedure: boolean; archived: boolean; update: Update }) {
  const { t } = useTranslation();
  return (
    <>
      <Switch
        label={t('beneficiaries.filters.openProcedure')}
        checked={openProcedure}
        onChange={(event) => update({ openProcedure: event.currentTarget.checked })}
        className={classes.archived}
      />
      <Switch
        label={t('beneficiaries.filters.archived')}
        checked={archived}
        onChange={(event) => update({ archived: event.currentTarget.checked })}
        className={classes.archived}
      />
    </>
  );
});

/** The filters change only by a choice made in them: typing in the search box leaves them be. */
const Filters = memo(function Filters({ state, update }: { state: ListFilters; update: Update }) {
  const { t } = useTranslation();
  const [city, setCity] = useState(state.city ?? '');
  const runCity = useDebouncedCallback((value: string) => update({ city: value.trim() || undefined }), 300);
  const lookups = useLookupLabels();
  const countries = useCountryOptions();
  const sexes = sexSchema.options.map((value) => ({ value, label: t(`core:exports.sexValue.${value}`) }));
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
        onChange={(event) => {
          setCity(event.currentTarget.value);
          runCity(event.currentTarget.value);
        }}
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
        <Button
          variant="subtle"
          onClick={() => {
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
          mb={2}
        >
          {t('beneficiaries.filters.reset')}
        </Button>
      )}
    </Group>
  );
});
