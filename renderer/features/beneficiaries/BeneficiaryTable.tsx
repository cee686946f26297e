import { Center, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BeneficiaryRow } from '../../../electron/contract';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useCountryName } from './countries';
import { IconArrowDown, IconArrowUp, IconSelector } from '../../ui/icons';
import { useLookupLabels } from './lookups';
import { beneficiaryPath } from './paths';
import type { SearchInput, SortBy, SortDirection } from './search-params';
import classes from './BeneficiaryTable.module.css';
import { useFirstPage, useRows } from './usePagedSearch';
import { PersonBadges } from './PersonBadges';

const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 44;

/**
 * A list that cannot be measured (no layout yet, a hidden panel, jsdom) still shows a first
 * screenful instead of nothing.
 */
function observeRectOrScreenful(instance: Virtualizer<HTMLDivElement, Element>, callback: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: 12 * ROW_HEIGHT }));
}

const columns: { key: SortBy; width?: string }[] = [
  { key: 'reference', width: '9.5rem' },
  { key: 'name' },
  { key: 'age', width: '5.5rem' },
  { key: 'category', width: '22%' },
  { key: 'nationality', width: '15%' },
  { key: 'city', width: '12%' },
];

interface Props {
  search: SearchInput;
  sort: { by: SortBy; direction: SortDirection };
  onSort: (by: SortBy) => void;
  /** Lets the search box move the focus into the list with the down arrow. */
  registerFocusFirst?: (focus: () => void) => void;
}

/** No words typed and no filter but the default: an empty list then means nobody is registered yet. */
const isUnfiltered = (search: SearchInput): boolean =>
  search.query === '' && Object.entries(search.filters ?? {}).every(([key, value]) => value === undefined || (key === 'archived' && value === false));

export function BeneficiaryTable({ search, sort, onSort, registerFocusFirst }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lookups = useLookupLabels();
  const countryName = useCountryName();
  const scroller = useRef<HTMLDivElement>(null);

  const firstPage = useFirstPage(search);
  const total = firstPage.data?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 4,
    observeElementRect: observeRectOrScreenful,
  });
  const items = virtualizer.getVirtualItems();
  const { rowAt, error } = useRows(search, firstPage, items[0]?.index ?? 0, items.at(-1)?.index ?? -1);

  // A new search or filter starts again from the top. Setting scrollTop makes the browser lay the
  // page out there and then, so it is only set when the list is not at the top already (while
  // typing it is, and every key would pay for one more layout).
  const searchKey = JSON.stringify(search);
  useEffect(() => {
    if (scroller.current && virtualizer.scrollOffset) scroller.current.scrollTop = 0;
  }, [searchKey, virtualizer]);

  const focusRow = (index: number) => {
    if (index < 0 || index >= total) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const focus = (attempt: number) => {
      const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (row) row.focus();
      else if (attempt < 5) requestAnimationFrame(() => focus(attempt + 1));
    };
    requestAnimationFrame(() => focus(0));
  };
  useEffect(() => registerFocusFirst?.(() => focusRow(0)));

  // One listener for every row, so a row re-renders only when what it shows changes.
  const indexOf = (target: EventTarget) => Number((target as Element).closest<HTMLElement>('tr[data-index]')?.dataset.index ?? -1);
  const open = (index: number) => {
    const row = index >= 0 ? rowAt(index) : undefined;
    if (row) void navigate(beneficiaryPath(row.id));
  };
  const onRowKey = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = indexOf(event.target);
    if (index < 0) return;
    if (event.key === 'Enter') open(index);
    else if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(total - 1);
    else if (event.key === 'PageDown') focusRow(Math.min(total - 1, index + 10));
    else if (event.key === 'PageUp') focusRow(Math.max(0, index - 10));
    else return;
    event.preventDefault();
  };

  if (firstPage.error) return <OpErrorAlert error={firstPage.error} />;

  const paddingTop = items.length > 0 ? items[0].start - HEADER_HEIGHT : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  return (
    <Stack gap="xs" className={classes.wrapper}>
      <OpErrorAlert error={error} />
      <div ref={scroller} className={classes.scroller} aria-busy={firstPage.isFetching}>
        <table aria-label={t('beneficiaries.list.tableLabel')} aria-rowcount={total + 1} className={classes.table}>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} style={c.width ? { width: c.width } : undefined} />
            ))}
          </colgroup>
          <Header sort={sort} onSort={onSort} />
          <tbody onClick={(event) => open(indexOf(event.target))} onKeyDown={onRowKey}>
            {paddingTop > 0 && (
              <tr aria-hidden="true" style={{ height: paddingTop }}>
                <td colSpan={columns.length} />
              </tr>
            )}
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <Row
                  key={item.key}
                  index={item.index}
                  row={row}
                  category={row ? lookups.of.category(row.category) : ''}
                  country={row ? countryName(row.nationality) : ''}
                />
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" style={{ height: paddingBottom }}>
                <td colSpan={columns.length} />
              </tr>
            )}
          </tbody>
        </table>
        {!firstPage.isPending && total === 0 && (
          <Center p="xl">
            <Text c="dimmed">{isUnfiltered(search) ? t('beneficiaries.list.nobodyYet') : t('beneficiaries.list.empty')}</Text>
          </Center>
        )}
      </div>
    </Stack>
  );
}

const Header = memo(function Header({ sort, onSort }: Pick<Props, 'sort' | 'onSort'>) {
  const { t } = useTranslation();
  const ariaSort = (key: SortBy) => (sort.by === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined);
  return (
    <thead className={classes.head}>
      <tr style={{ height: HEADER_HEIGHT }} aria-rowindex={1}>
        {columns.map(({ key }) => (
          <th key={key} aria-sort={ariaSort(key)}>
            <UnstyledButton onClick={() => onSort(key)} className={classes.sortButton}>
              <span>{t(`beneficiaries.column.${key}`)}</span>
              {sort.by === key ? (
                sort.direction === 'asc' ? (
                  <IconArrowUp width={14} height={14} />
                ) : (
                  <IconArrowDown width={14} height={14} />
                )
              ) : (
                <IconSelector width={14} height={14} className={classes.idleSort} />
              )}
            </UnstyledButton>
          </th>
        ))}
      </tr>
    </thead>
  );
});

interface RowProps {
  index: number;
  row: BeneficiaryRow | undefined;
  category: string;
  country: string;
}

/** Plain cells styled by class: the list paints again on every key typed in the search. */
const Row = memo(function Row({ index, row, category, country }: RowProps) {
  const { t } = useTranslation();
  return (
    <tr data-index={index} aria-rowindex={index + 2} tabIndex={0} style={{ height: ROW_HEIGHT }} className={classes.row}>
      {row ? (
        <>
          <td>
            <span dir="ltr" className={`${classes.cell} ${classes.reference}`}>
              {row.reference}
            </span>
          </td>
          <td>
            <span className={`${classes.cell} ${classes.nameLine}`}>
              <span className={`${classes.truncate} ${classes.name}`}>{row.displayName}</span>
              <PersonBadges pseudonymous={row.pseudonymous} archived={row.archived} />
            </span>
            {row.arabicName && (
              <span className={`${classes.line} ${classes.truncate} ${classes.dimmed}`}>
                <bdi lang="ar" dir="rtl" className={classes.arabic}>
                  {row.arabicName}
                </bdi>
              </span>
            )}
          </td>
          <td>{row.age}</td>
          <td className={classes.truncate}>{category}</td>
          <td className={classes.truncate}>{country}</td>
          <td className={classes.truncate}>{row.city ?? ''}</td>
        </>
      ) : (
        <td colSpan={columns.length}>
          <Skeleton height={16} radius="sm" aria-label={t('app.loading')} />
        </td>
      )}
    </tr>
  );
});
