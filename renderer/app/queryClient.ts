import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { followSessionErrors } from './session';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => followSessionErrors(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => followSessionErrors(client, error) }),
    defaultOptions: {
      // Answers come from a local core and failures carry a meaning (a code), so retrying only delays them.
      queries: { refetchOnWindowFocus: false, retry: false },
      mutations: { retry: false },
    },
  });
  return client;
}
