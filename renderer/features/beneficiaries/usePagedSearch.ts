import { keepPreviousData, useQueries, useQuery, type QueryClient } from '@tanstack/react-query';
import type { BeneficiaryRow, BeneficiarySearchResult } from '../../../electron/contract';
import { call, opKey, type OpFailure } from '../../app/ops';
import type { SearchInput } from './search-params';

export const PAGE_SIZE = 40;

const pageQuery = (search: SearchInput, page: number) => {
  const input = { ...search, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
  return {
    queryKey: opKey('beneficiaries.search', input),
    queryFn: () => call('beneficiaries.search', input),
    staleTime: 30_000,
  };
};

/** The first page carries the total; while a new search runs, the previous answer stays on screen. */
export function useFirstPage(search: SearchInput) {
  return useQuery<BeneficiarySearchResult, OpFailure>({ ...pageQuery(search, 0), placeholderData: keepPreviousData });
}

/**
 * Asks for a search's first page now, from the event that wants it, rather than once the page has
 * rendered for it. Settles (never rejects) once the answer, or the failure, is in the cache.
 */
export function prefetchFirstPage(client: QueryClient, search: SearchInput): Promise<void> {
  return client.prefetchQuery(pageQuery(search, 0));
}

/**
 * The rows between `first` and `last`, read by pages of 100 where the reader is rather than from
 * the top: jumping to the middle of 50,000 people asks for the page or two on screen only.
 */
export function useRows(search: SearchInput, firstPage: ReturnType<typeof useFirstPage>, first: number, last: number) {
  const pages: number[] = [];
  if (firstPage.data && last >= 0) {
    for (let p = Math.max(1, Math.floor(first / PAGE_SIZE)); p <= Math.floor(last / PAGE_SIZE); p++) pages.push(p);
  }
  const others = useQueries({ queries: pages.map((page) => pageQuery(search, page)) });

  const rowAt = (index: number): BeneficiaryRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const data = page === 0 ? firstPage.data : others[pages.indexOf(page)]?.data;
    return data?.rows[index % PAGE_SIZE];
  };
  const error = (others.find((q) => q.error)?.error ?? null) as OpFailure | null;
  return { rowAt, error };
}
