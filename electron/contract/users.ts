import { z } from 'zod';
import { defineOp } from './operation';
import { localeSchema, roleSchema } from './roles';
import { passwordSchema } from './session';

export const userSchema = z.object({
  id: z.string(),
  displayName: z.string().trim().min(1).max(120),
  role: roleSchema,
  locale: localeSchema,
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const createUserSchema = userSchema.pick({ displayName: true, role: true }).extend({
  temporaryPassword: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** A temporary password the person must change at their next sign-in. */
export const resetPasswordSchema = z.object({
  userId: z.string().min(1).max(64),
  temporaryPassword: passwordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const usersOps = {
  'users.list': defineOp<User[]>()({ input: z.object({}).strict(), kind: 'read', access: ['president'] }),
  'users.create': defineOp<User>()({ input: createUserSchema, kind: 'write', access: ['president'] }),
  /** Another user's password only: one's own is changed knowing it (`session.changePassword`). */
  'users.resetPassword': defineOp<User>()({ input: resetPasswordSchema, kind: 'write', access: ['president'] }),
  'users.remove': defineOp<null>()({
    input: z.object({ userId: z.string().min(1).max(64) }),
    kind: 'write',
    access: ['president'],
  }),
};
