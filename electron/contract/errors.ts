/** Stable error codes: the renderer translates them (i18n key `errors.<code>`). */
export const errorCodes = [
  'unknown_operation',
  'invalid_input',
  'forbidden',
  'no_open_file',
  'session_locked',
  'password_change_required',
  'wrong_password',
  'wrong_recovery_code',
  'file_not_found',
  'file_exists',
  'not_a_tadamon_file',
  'file_damaged',
  'keys_file_missing',
  'keys_file_mismatch',
  'file_too_new',
  'directory_not_writable',
  'disk_full',
  'backup_failed',
  'restore_failed',
  'rekey_failed',
  'file_in_use',
  'legacy_key_slots',
  'unknown_user',
  'cannot_remove_self',
  'last_president',
  'same_password',
  'not_supported',
  'has_attendance',
  'not_registered',
  'session_in_future',
  'beneficiary_archived',
  'activity_archived',
  'duplicate_member_number',
  'member_archived',
  'overpayment',
  'not_general_assembly',
  'share_value_below_minimum',
  'capital_below_minimum',
  'residence_document_required',
  'founder_without_identity',
  'already_founder',
  'founders_below_minimum',
  'previous_step_not_done',
  'cooperative_archived',
  'cooperative_not_created',
  'not_found',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface OpError {
  code: ErrorCode;
  /** Field path (dot-joined) to a zod issue code, for forms. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: OpError };
