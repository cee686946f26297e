import {
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { ErrorCode, OpError, OpInput, OpName, OpOutput } from '../../electron/contract';
import { invoke } from '../transport';

/** An operation that answered `ok: false`, thrown so TanStack Query treats it as an error. */
export class OpFailure extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(error: OpError) {
    super(error.code);
    this.name = 'OpFailure';
    this.code = error.code;
    this.fields = error.fields;
    this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

export async function call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await invoke(op, input);
  if (!result.ok) throw new OpFailure(result.error);
  return result.value;
}

export const opKey = <K extends OpName>(op: K, input?: OpInput<K>) => (input === undefined ? [op] : [op, input]);

type QueryOptions<K extends OpName> = Omit<UseQueryOptions<OpOutput<K>, OpFailure>, 'queryKey' | 'queryFn'>;

export function useOp<K extends OpName>(op: K, input: OpInput<K>, options?: QueryOptions<K>) {
  return useQuery<OpOutput<K>, OpFailure>({ queryKey: opKey(op, input), queryFn: () => call(op, input), ...options });
}

type MutationOptions<K extends OpName> = Omit<UseMutationOptions<OpOutput<K>, OpFailure, OpInput<K>>, 'mutationFn'>;

export function useOpMutation<K extends OpName>(op: K, options?: MutationOptions<K>) {
  return useMutation<OpOutput<K>, OpFailure, OpInput<K>>({ mutationFn: (input) => call(op, input), ...options });
}
