import { useQueryClient } from '@tanstack/react-query';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { OpName, OpOutput } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { showFailureFields } from '../grants/form';

/** The log, the journal and the agreements' figures a service may have moved are read again after a write. */
export function useServiceSave<K extends OpName, D extends FieldValues>(op: K, form: { setError: UseFormSetError<D> }, then: (saved: OpOutput<K>) => unknown) {
  const queryClient = useQueryClient();
  return useOpMutation(op, {
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ predicate: (q) => /^(services|treasury|grants|reports)\./.test(String(q.queryKey[0])) });
      await then(saved);
    },
    onError: (failure) => showFailureFields(form, failure),
  });
}
