import react from '@vitejs/plugin-react';
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
          testTimeout: 20_000,
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
