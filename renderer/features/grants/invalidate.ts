import { useQueryClient } from '@tanstack/react-query';

/** After any grants write: every grants figure may have changed. */
export function useInvalidateGrants() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('grants.') });
}
