import '@mantine/core/styles.css';
import './app/fonts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { call } from './app/ops';
import { createQueryClient } from './app/queryClient';
import { statusKey } from './app/session';
import { initI18n } from './i18n';

const queryClient = createQueryClient();

// Asking first lets the very first screen appear in the right language and direction.
const status = await call('app.status', {}).catch(() => null);
if (status) queryClient.setQueryData(statusKey, status);
await initI18n(status?.locale);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}
