import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { OpName, OpOutput } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { showFailureFields } from './form';
import { useInvalidateGrants } from './invalidate';

/**
 * A grants form's write: once it is saved every grants figure is read again before `then` (close the
 * modal, open the saved record); a refusal goes under the form's inputs (`inputOf`: see showFailureFields).
 */
export function useGrantsSave<K extends OpName, D extends FieldValues>(
  op: K,
  form: { setError: UseFormSetError<D> },
  then: (saved: OpOutput<K>) => unknown,
  inputOf?: Record<string, FieldPath<D>>,
) {
  const invalidate = useInvalidateGrants();
  return useOpMutation(op, {
    onSuccess: async (saved) => {
      await invalidate();
      await then(saved);
    },
    onError: (failure) => showFailureFields(form, failure, inputOf),
  });
}
