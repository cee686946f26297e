import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import {
  ageBandSchema,
  beneficiarySortSchema,
  nationalitySchema,
  sexSchema,
  type AgeBand,
  type OpInput,
} from '../../../electron/contract';
import type { z } from 'zod';

export type SortBy = z.infer<typeof beneficiarySortSchema>;
export type SortDirection = 'asc' | 'desc';

export interface ListState {
  query: string;
  category?: string;
  sex?: z.infer<typeof sexSchema>;
  ageBand?: AgeBand;
  nationality?: string;
  city?: string;
  legalStatus?: string;
  openProcedure: boolean;
  archived: boolean;
  sortBy: SortBy;
  direction: SortDirection;
}

const codeLike = (value: string | null) => (value && /^[a-z0-9_]{1,48}$/.test(value) ? value : undefined);
const parsed = <T,>(schema: z.ZodType<T>, value: string | null): T | undefined => {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
};

function stateOf(params: URLSearchParams): ListState {
  return {
    query: params.get('q') ?? '',
    category: codeLike(params.get('category')),
    sex: parsed(sexSchema, params.get('sex')),
    ageBand: parsed(ageBandSchema, params.get('age')),
    nationality: parsed(nationalitySchema, params.get('nationality')),
    city: params.get('city')?.trim() || undefined,
    legalStatus: codeLike(params.get('legal')),
    openProcedure: params.get('open') === '1',
    archived: params.get('archived') === '1',
    sortBy: parsed(beneficiarySortSchema, params.get('sort')) ?? 'createdAt',
    direction: params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : params.get('sort') ? 'asc' : 'desc',
  };
}

function paramsOf(state: ListState): URLSearchParams {
  const byDefault = state.sortBy === 'createdAt' && state.direction === 'desc';
  const entries: [string, string | undefined][] = [
    ['q', state.query || undefined],
    ['category', state.category],
    ['sex', state.sex],
    ['age', state.ageBand],
    ['nationality', state.nationality],
    ['city', state.city],
    ['legal', state.legalStatus],
    ['open', state.openProcedure ? '1' : undefined],
    ['archived', state.archived ? '1' : undefined],
    ['sort', byDefault ? undefined : state.sortBy],
    ['dir', byDefault ? undefined : state.direction],
  ];
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value) params.set(key, value);
  return params;
}

/**
 * The list's search, filters and sort live in the address, so "back" from a person finds them
 * again. A change patches the address as it is when it lands, so a late one (the search text
 * written when typing pauses) never undoes a filter chosen meanwhile.
 */
export function useListState(): [ListState, (patch: Partial<ListState>) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const state = useMemo(() => stateOf(new URLSearchParams(search)), [search]);
  // The router gives a new setter with every address; the list's filters, memoised on `update`,
  // would then render again for each one. The latest setter is kept aside and `update` stays one function.
  const latestSetParams = useRef(setParams);
  useLayoutEffect(() => {
    latestSetParams.current = setParams;
  }, [setParams]);
  const update = useCallback(
    (patch: Partial<ListState>) => latestSetParams.current((current) => paramsOf({ ...stateOf(current), ...patch }), { replace: true }),
    [],
  );
  return [state, update];
}

export type SearchInput = Omit<OpInput<'beneficiaries.search'>, 'offset' | 'limit'>;

export function searchInputOf(state: ListState): SearchInput {
  return {
    query: state.query.trim(),
    filters: {
      category: state.category,
      sex: state.sex,
      ageBand: state.ageBand,
      nationality: state.nationality,
      city: state.city,
      legalStatus: state.legalStatus,
      openProcedure: state.openProcedure || undefined,
      archived: state.archived,
    },
    sort: { by: state.sortBy, direction: state.direction },
  };
}

/** What the filter row shows and changes: the list's state but its search text and sort. */
export type ListFilters = Omit<ListState, 'query' | 'sortBy' | 'direction'>;

/** The same filters object as long as none of them changes (the search text may). */
export function useListFilters(state: ListState): ListFilters {
  const { category, sex, ageBand, nationality, city, legalStatus, openProcedure, archived } = state;
  return useMemo(
    () => ({ category, sex, ageBand, nationality, city, legalStatus, openProcedure, archived }),
    [category, sex, ageBand, nationality, city, legalStatus, openProcedure, archived],
  );
}

export const hasFilters = (s: ListFilters) =>
  Boolean(s.category || s.sex || s.ageBand || s.nationality || s.city || s.legalStatus || s.openProcedure || s.archived);
