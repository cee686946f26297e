import { useQueryClient } from '@tanstack/react-query';

/** After any treasury write: balances, statements and the grants figures built on them may have changed. */
export function useInvalidateTreasury() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => /^(treasury|grants)\./.test(String(q.queryKey[0])) });
}
