import type { z } from 'zod';
import type { Role } from './roles';

/**
 * - `public`: callable with no file open (the welcome and sign-in screens).
 * - `signedIn`: any signed-in user.
 * - a list of roles: only those roles.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

/**
 * - `read`: changes nothing.
 * - `write`: runs in one transaction with an audit row.
 * - `session`: opens, creates or locks the file itself, so it manages its own writes.
 */
export type OpKind = 'read' | 'write' | 'session';

export interface OpSpec<I extends z.ZodType = z.ZodType, O = unknown, K extends OpKind = OpKind> {
  input: I;
  kind: K;
  access: Access;
  /** Phantom: carries the output type only. */
  readonly __output?: O;
}

export const defineOp =
  <O>() =>
  <I extends z.ZodType, K extends OpKind>(spec: { input: I; kind: K; access: Access }): OpSpec<I, O, K> =>
    spec;

export type InputOf<S> = S extends OpSpec<infer I, unknown, OpKind> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends OpSpec<infer I, unknown, OpKind> ? z.output<I> : never;
export type OutputOf<S> = S extends OpSpec<z.ZodType, infer O, OpKind> ? O : never;
