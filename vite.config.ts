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
  },
});
