import { useQueryClient } from '@tanstack/react-query';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { OpName, OpOutput } from '../../../electron/contract';
import { opKey, useOpMutation } from '../../app/ops';
import { showFailureFields } from '../grants/form';

/** An employment form's write: the person's section and the follow-up dashboard read again, then `then`; a refusal under its inputs. */
export function useEmploymentSave<K extends OpName, D extends FieldValues>(op: K, form: { setError: UseFormSetError<D> }, then: (saved: OpOutput<K>) => unknown) {
  const client = useQueryClient();
  return useOpMutation(op, {
    onSuccess: async (saved) => {
      await Promise.all([client.invalidateQueries({ queryKey: opKey('employment.person') }), client.invalidateQueries({ queryKey: opKey('followUp.dashboard') })]);
      await then(saved);
    },
    onError: (failure) => showFailureFields(form, failure),
  });
}
