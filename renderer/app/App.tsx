import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { directionOf, i18n } from '../i18n';
import { LocaleSync } from './LocaleSync';
import { createAppRouter } from './routes';
import { SessionMemoryProvider } from './SessionMemory';
import { theme } from './theme';

/** `env="test"`: Mantine's own switch for jsdom (no transitions, no portals), used by the renderer tests. */
export function App({ queryClient, env = 'default' }: { queryClient: QueryClient; env?: 'default' | 'test' }) {
  const [router] = useState(createAppRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
        <MantineProvider theme={theme} env={env}>
          <LocaleSync />
          <SessionMemoryProvider>
            <RouterProvider router={router} />
          </SessionMemoryProvider>
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
