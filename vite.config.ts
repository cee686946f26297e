import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The fonts the first screen draws with (French text, and "العربية" on the language switch) are
 * asked for by the page itself, alongside its scripts: otherwise Chromium learns it needs them only
 * at the first layout, then lays the page out with stand-in fonts and waits for the real ones
 * before painting (about 80 ms of a launch on the bench machine).
 */
const FIRST_SCREEN_FONTS = /^assets\/noto-sans-(latin|latin-ext)-(400|600|700)-normal-[\w-]+\.woff2$|^assets\/noto-sans-arabic-arabic-600-normal-[\w-]+\.woff2$/;

function preloadFirstScreenFonts(): Plugin {
  return {
    name: 'preload-first-screen-fonts',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) =>
        Object.keys(bundle ?? {})
          .filter((file) => FIRST_SCREEN_FONTS.test(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${file}` },
            injectTo: 'head' as const,
          })),
    },
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: Electron serves the build from app:// and the web bridge from its own origin.
  base: './',
  plugins: [react(), preloadFirstScreenFonts()],
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
