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

/** The list's search, filters and sort live in the address, so "back" from a person finds them again. */
export function useListState(): [ListState, (patch: Partial<ListState>) => void] {
  const [params, setParams] = useSearchParams();
  const state: ListState = {
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

  const update = (patch: Partial<ListState>) => {
    const next = { ...state, ...patch };
    const entries: [string, string | undefined][] = [
      ['q', next.query || undefined],
      ['category', next.category],
      ['sex', next.sex],
      ['age', next.ageBand],
      ['nationality', next.nationality],
      ['city', next.city],
      ['legal', next.legalStatus],
      ['open', next.openProcedure ? '1' : undefined],
      ['archived', next.archived ? '1' : undefined],
      ['sort', next.sortBy === 'createdAt' && next.direction === 'desc' ? undefined : next.sortBy],
      ['dir', next.sortBy === 'createdAt' && next.direction === 'desc' ? undefined : next.direction],
    ];
    const search = new URLSearchParams();
    for (const [key, value] of entries) if (value) search.set(key, value);
    setParams(search, { replace: true });
  };

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

export const hasFilters = (s: ListState) =>
  Boolean(s.category || s.sex || s.ageBand || s.nationality || s.city || s.legalStatus || s.openProcedure || s.archived);
