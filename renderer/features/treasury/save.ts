import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { OpName, OpOutput } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { showFailureFields } from '../grants/form';
import { useInvalidateTreasury } from './invalidate';

/** A treasury form's write: figures read again, then `then`; a refusal under the form's inputs. */
export function useTreasurySave<K extends OpName, D extends FieldValues>(
  op: K,
  form: { setError: UseFormSetError<D> },
  then: (saved: OpOutput<K>) => unknown,
  inputOf?: Record<string, FieldPath<D>>,
) {
  const invalidate = useInvalidateTreasury();
  return useOpMutation(op, {
    onSuccess: async (saved) => {
      await invalidate();
      await then(saved);
    },
    onError: (failure) => showFailureFields(form, failure, inputOf),
  });
}
