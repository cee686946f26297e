import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { OpName, OpOutput } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { showFieldProblems } from '../members/problems';
import { useRefreshCooperatives } from './CooperativePage';

/**
 * A cooperative form's write: once it is saved every cooperatives query is read again before `then`
 * (close the modal, open the cooperative); a form's refusals go under its inputs.
 */
export function useCooperativeSave<K extends OpName, T extends FieldValues, O extends FieldValues>(
  op: K,
  then: (saved: OpOutput<K>) => unknown,
  form?: UseFormReturn<T, unknown, O>,
) {
  const refresh = useRefreshCooperatives();
  return useOpMutation(op, {
    onSuccess: async (saved) => {
      await refresh();
      await then(saved);
    },
    onError: form && ((error) => showFieldProblems(form, error)),
  });
}
