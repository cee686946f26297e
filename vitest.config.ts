import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';

/** Migrations are plain .sql files; the bundlers (esbuild, here Vite) load them as text. */
export const sqlAsText: Plugin = {
  name: 'sql-as-text',
  transform(code, id) {
    if (id.endsWith('.sql')) return { code: `export default ${JSON.stringify(code)};`, map: null };
    return null;
  },
};

export default defineConfig({
  test: {
    // Vitest's default leaves one core for itself: on a 2-core machine that is one test file at a
    // time, and the suite waits mostly on scrypt and SQLite, not on Vitest.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        plugins: [sqlAsText],
        test: { name: 'core', environment: 'node', include: ['tests/core/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          // A long form typed key by key in jsdom takes 6-10 s beside another test file on 2 cores.
          testTimeout: 40_000,
        },
      },
      {
        plugins: [sqlAsText],
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
