import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeCore, ok, renderApp, status } from './helpers';

vi.mock('../../renderer/transport');

describe('language switch', () => {
  it('starts in the language the core remembers', async () => {
    fakeCore({ 'app.status': () => ok(status({ locale: 'ar' })) });
    await renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'تضامن' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('switches to Arabic, right to left, and asks the core to remember it', async () => {
    const core = fakeCore({ 'app.status': () => ok(status()), 'app.setLocale': () => ok(null) });
    await renderApp();
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByRole('button', { name: "Créer un fichier d'association" })).toBeTruthy();

    await userEvent.click(screen.getByRole('radio', { name: 'العربية' }));

    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByRole('button', { name: 'إنشاء ملف جمعية' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'اللغة' })).toBeTruthy();
    expect(core.calls('app.setLocale')).toEqual([{ locale: 'ar' }]);

    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(screen.getByRole('button', { name: 'Create an association file' })).toBeTruthy();
  });
});
