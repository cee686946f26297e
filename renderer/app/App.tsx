import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { directionOf, i18n } from '../i18n';
import { LocaleSync } from './LocaleSync';
import { createAppRouter } from './routes';
import { SessionMemoryProvider } from './SessionMemory';
import { theme } from './theme';

export function App({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(createAppRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
        <MantineProvider theme={theme}>
          <LocaleSync />
          <SessionMemoryProvider>
            <RouterProvider router={router} />
          </SessionMemoryProvider>
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
