import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../contract';
import { localeSchema } from '../contract/roles';

/** Device preferences kept outside any association file: last language and the last 5 files. */
const configSchema = z.object({
  locale: localeSchema.default('fr'),
  recentFiles: z
    .array(z.object({ path: z.string(), associationName: z.string(), openedAt: z.string() }))
    .default([]),
});
export type AppConfig = z.infer<typeof configSchema>;

const MAX_RECENT = 5;

export function readAppConfig(dataDir: string): AppConfig {
  const path = join(dataDir, 'config.json');
  if (!existsSync(path)) return configSchema.parse({});
  try {
    return configSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return configSchema.parse({});
  }
}

export function writeAppConfig(dataDir: string, config: AppConfig): void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'config.json');
  writeFileSync(`${path}.tmp`, JSON.stringify(config, null, 2));
  renameSync(`${path}.tmp`, path);
}

export function rememberFile(config: AppConfig, file: RecentFile): AppConfig {
  const others = config.recentFiles.filter((f) => f.path !== file.path);
  return { ...config, recentFiles: [file, ...others].slice(0, MAX_RECENT) };
}
