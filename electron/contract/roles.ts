import { z } from 'zod';

export const roleSchema = z.enum(['volunteer', 'treasurer', 'president']);
export type Role = z.infer<typeof roleSchema>;

export const localeSchema = z.enum(['fr', 'ar', 'en']);
export type Locale = z.infer<typeof localeSchema>;
