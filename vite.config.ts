import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: Electron serves the build from app:// and the web bridge from its own origin.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Loaded from the local disk, never over a network: one main chunk is fine.
    chunkSizeWarningLimit: 1500,
    // Code splitting leaves dozens of tiny shared chunks (one per Mantine component); each is one
    // more request before a screen shows, so the small ones are merged into their neighbours.
    rollupOptions: {
      output: { experimentalMinChunkSize: 20_000 },
      // The contract's modules only declare schemas: a screen that needs one area's schema must not
      // bring every area's (and their libraries) into the first chunk.
      treeshake: { moduleSideEffects: (id) => !id.includes('/electron/contract/') },
    },
  },
});
