import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OpInput } from '../../electron/contract';
import { awa, row, signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

describe('beneficiary list', () => {
  it('shows the rows the core found, with translated categories and countries', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.search': () =>
        ok({
          total: 2,
          capped: false,
          rows: [row(1, { displayName: 'Awa Diallo', arabicName: 'عوا ديالو' }), row(2, { displayName: 'A. K.', pseudonymous: true, nationality: 'MA', category: 'local_youth' })],
        }),
    });
    await renderApp('#/beneficiaries');

    const table = await screen.findByRole('table', { name: 'Liste des bénéficiaires' });
    const awaRow = (await within(table).findByText('Awa Diallo')).closest('tr') as HTMLElement;
    expect(within(awaRow).getByText('B-2026-00001')).toBeTruthy();
    expect(within(awaRow).getByText('Réfugié')).toBeTruthy();
    expect(within(awaRow).getByText('Sénégal')).toBeTruthy();
    expect(within(awaRow).getByText('عوا ديالو')).toBeTruthy();
    const other = within(table).getByText('A. K.').closest('tr') as HTMLElement;
    expect(within(other).getByText('Fiche anonyme')).toBeTruthy();
    expect(within(other).getByText('Maroc')).toBeTruthy();
    expect(within(other).getByText('Jeune marocain du quartier')).toBeTruthy();
    expect(screen.getByText('Personnes trouvées : 2')).toBeTruthy();
    expect(core.calls('beneficiaries.search')[0]).toMatchObject({ query: '', offset: 0, limit: 40 });

    // Enter on a row opens the person.
    awaRow.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/beneficiaries/b-1'));
  });

  it('searches on every key, shows the answer to the latest text even when earlier ones come after it, and says "1000+" when the core caps the count', async () => {
    const held: (() => void)[] = [];
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.search': (input) => {
        if (!input.query) return ok({ total: 0, capped: false, rows: [] });
        if (input.query === 'fatma') {
          return ok({ total: 1000, capped: true, rows: Array.from({ length: 100 }, (_, i) => row(i + 1, { displayName: `Fatima ${i + 1}` })) });
        }
        const stale = ok({ total: 1, capped: false, rows: [row(999, { displayName: `Answer to ${input.query}` })] });
        return new Promise((resolve) => held.push(() => resolve(stale)));
      },
    });
    await renderApp('#/beneficiaries');
    // A new association's empty list says how to start, not that a search found nobody.
    expect(await screen.findByText(/^Personne n'est encore enregistré\. Commencez par « Nouveau bénéficiaire »/)).toBeTruthy();
    expect(screen.queryByText('Aucune personne ne correspond à cette recherche.')).toBeNull();

    await userEvent.type(screen.getByRole('searchbox', { name: 'Rechercher' }), 'fatma');
    const queries = core.calls('beneficiaries.search').map((input) => (input as OpInput<'beneficiaries.search'>).query);
    expect(queries.filter(Boolean)).toEqual(['f', 'fa', 'fat', 'fatm', 'fatma']);

    // Generous waits: 100 rows under a loaded test runner.
    expect(await screen.findByText('Personnes trouvées : 1000+', {}, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText('Fatima 1', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Plus de 1000 personnes correspondent/)).toBeTruthy();

    // The answers to the shorter texts arrive last and change nothing on screen.
    held.forEach((answer) => answer());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByText('Fatima 1')).toBeTruthy();
    expect(screen.queryByText(/Answer to/)).toBeNull();
    expect(screen.getByText('Personnes trouvées : 1000+')).toBeTruthy();

    // While the box has the focus the address stays: it follows once the box is left, so "back"
    // from a person finds the search again.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(window.location.hash).toBe('#/beneficiaries');
    await userEvent.tab();
    await waitFor(() => expect(window.location.hash).toBe('#/beneficiaries?q=fatma'));

    // The menu's link to the list empties the box and the search with it.
    await userEvent.click(within(screen.getByRole('navigation', { name: 'Navigation principale' })).getByRole('link', { name: 'Bénéficiaires' }));
    await waitFor(() => expect((screen.getByRole('searchbox', { name: 'Rechercher' }) as HTMLInputElement).value).toBe(''));
    expect(await screen.findByText(/^Personne n'est encore enregistré/)).toBeTruthy();
  });

  it('links to the import wizard, the follow-up dashboard, the duplicates and a new record', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.search': () => ok({ total: 0, capped: false, rows: [] }),
    });
    await renderApp('#/beneficiaries');
    expect((await screen.findByRole('link', { name: 'Importer' })).getAttribute('href')).toBe('#/beneficiaries/import');
    expect(screen.getByRole('link', { name: 'Suivi' }).getAttribute('href')).toBe('#/follow-up');
    expect(screen.getByRole('link', { name: 'Doublons possibles' }).getAttribute('href')).toBe('#/beneficiaries/duplicates');
    expect(screen.getByRole('link', { name: 'Nouveau bénéficiaire' }).getAttribute('href')).toBe('#/beneficiaries/new');
  });
});

describe('person page', () => {
  it('shows the record and asks for confirmation before withdrawing consent', async () => {
    let current = awa;
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.get': () => ok(current),
      'beneficiaries.withdrawConsent': ({ id }) => {
        current = { ...awa, id, consent: null, personal: null };
        return ok(current);
      },
    });
    await renderApp('#/beneficiaries/b-awa');

    expect(await screen.findByRole('heading', { level: 1, name: 'Awa Diallo' })).toBeTruthy();
    expect(screen.getByText('عوا ديالو')).toBeTruthy();
    expect(screen.getAllByText('B-2026-00042').length).toBeGreaterThan(0);
    expect(await screen.findByText(/Carte de réfugié \(BRA\) · expire le 1 mai 2031/)).toBeTruthy();
    expect(screen.getByText('06 12 34 56 78')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Donnée sensible' })).toBeTruthy();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Retirer le consentement' }));
    let dialog = await screen.findByRole('dialog', { name: 'Retirer le consentement' });
    expect(within(dialog).getByText(/Ses données personnelles .* seront effacés/)).toBeTruthy();
    expect(within(dialog).getByText(/Seule la fiche anonyme reste/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.calls('beneficiaries.withdrawConsent')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Retirer le consentement' }));
    dialog = await screen.findByRole('dialog', { name: 'Retirer le consentement' });
    await user.click(within(dialog).getByRole('button', { name: 'Retirer le consentement et effacer' }));

    await waitFor(() => expect(core.calls('beneficiaries.withdrawConsent')).toEqual([{ id: 'b-awa' }]));
    expect(await screen.findByRole('heading', { level: 1, name: 'AD' })).toBeTruthy();
    expect(screen.getAllByText('Fiche anonyme').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Retirer le consentement' })).toBeNull();
  });

  it('warns in the header when the residence document has expired', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.get': () =>
        ok({ ...awa, personal: awa.personal && { ...awa.personal, legalStatus: { code: 'refugee_card', expiryDate: '2020-01-31' } } }),
    });
    await renderApp('#/beneficiaries/b-awa');
    expect(await screen.findByText(/Carte de réfugié \(BRA\) · expirée depuis le 31 janvier 2020/)).toBeTruthy();
  });
});

describe('possible duplicates', () => {
  const reasons = ['sameBirthYear', 'firstNamesSoundAlike', 'sameLastName'] as const;
  const pairs = [
    {
      a: { id: 'b-1', reference: 'B-2026-00001', displayName: 'Mohamed El Amrani', birthYear: 1990, reasons: [...reasons] },
      b: { id: 'b-2', reference: 'B-2026-00002', displayName: 'Muhammad Elamrani', birthYear: 1990, reasons: [...reasons] },
    },
    {
      a: { id: 'b-3', reference: 'B-2026-00003', displayName: 'Patrick Tshibangu', birthYear: 1985, reasons: ['phone' as const, 'closeBirthYear' as const] },
      b: { id: 'b-4', reference: 'B-2026-00004', displayName: 'Patrick Chibangu', birthYear: 1987, reasons: ['phone' as const, 'closeBirthYear' as const] },
    },
  ];
  const answered = (calls: { merged: number; different: number }, more = 0) => {
    const left = pairs.filter((_, i) => !(i === 0 && calls.merged > 0) && !(i === 1 && calls.different > 0));
    return ok({ pairs: left, total: left.length + more });
  };

  it('says why each pair may be one person; "different people" is sent to the core and the pair goes', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.duplicatePairs': () => answered({ merged: 0, different: core.calls('beneficiaries.markDifferent').length }),
      'beneficiaries.markDifferent': ({ a, b }) => ok({ a, b }),
    });
    await renderApp('#/beneficiaries/duplicates');
    const user = userEvent.setup();

    const first = (await screen.findByText('Mohamed El Amrani')).closest('li') as HTMLElement;
    const firstReasons = within(first).getByRole('group', { name: 'Raisons' });
    expect(within(firstReasons).getAllByText(/./).map((e) => e.textContent)).toEqual([
      'Même année de naissance',
      "Prénoms proches à l'oreille",
      'Même nom de famille',
    ]);
    const second = screen.getByText('Patrick Tshibangu').closest('li') as HTMLElement;
    expect(within(second).getByText('Même téléphone')).toBeTruthy();
    expect(within(second).getByText('Années de naissance proches (âge estimé)')).toBeTruthy();
    // A volunteer tells people apart; merging is for the president.
    expect(within(first).queryByRole('button', { name: 'Fusionner' })).toBeNull();
    expect(screen.getByText(/Seule la présidence peut fusionner deux fiches/)).toBeTruthy();

    await user.click(within(second).getByRole('button', { name: 'Ce ne sont pas les mêmes' }));
    await waitFor(() => expect(core.calls('beneficiaries.markDifferent')).toEqual([{ a: 'b-3', b: 'b-4' }]));
    await waitFor(() => expect(screen.queryByText('Patrick Tshibangu')).toBeNull());
    expect(screen.getByText('Mohamed El Amrani')).toBeTruthy();
  });

  it('lets the president merge into the record chosen, and says when more pairs wait', async () => {
    const core = signedIn(session({ role: 'president' }), {
      'beneficiaries.duplicatePairs': () => answered({ merged: core.calls('beneficiaries.merge').length, different: 0 }, 300),
      'beneficiaries.merge': ({ survivorId }) => ok({ ...awa, id: survivorId, reference: 'B-2026-00002' }),
    });
    await renderApp('#/beneficiaries/duplicates');
    const user = userEvent.setup();

    const first = (await screen.findByText('Mohamed El Amrani')).closest('li') as HTMLElement;
    expect(screen.getByText('2 paires les plus probables sur 302 : les suivantes apparaîtront une fois celles-ci traitées.')).toBeTruthy();
    await user.click(within(first).getByRole('button', { name: 'Fusionner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fusionner deux fiches' });
    expect(within(dialog).getByText(/Les notes, démarches et orientations de l'autre fiche seront rattachées/)).toBeTruthy();
    expect(within(dialog).getByText('Une sauvegarde du fichier sera faite juste avant la fusion.')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: 'Muhammad Elamrani (B-2026-00002)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Fusionner' }));

    await waitFor(() => expect(core.calls('beneficiaries.merge')).toEqual([{ survivorId: 'b-2', mergedId: 'b-1' }]));
    expect(await screen.findByText('Les deux fiches ont été fusionnées.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Mohamed El Amrani')).toBeNull());
    expect(screen.getByText('Patrick Tshibangu')).toBeTruthy();
  });
});

describe('settings lists', () => {
  it('shows the lists read-only to a volunteer', async () => {
    signedIn(session({ role: 'volunteer' }));
    await renderApp('#/settings/lists');
    expect(await screen.findByRole('heading', { name: 'Catégories' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Types de démarches' })).toBeTruthy();
    const illness = screen.getAllByText('Maladie chronique')[0].closest('tr') as HTMLElement;
    expect(within(illness).getByText('Sensible')).toBeTruthy();
    // Labels, not the internal codes.
    expect(screen.queryByText('chronic_illness')).toBeNull();
    expect(screen.getByText('Seul·e la ou le président·e peut modifier ces listes.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ajouter une valeur' })).toBeNull();
  });

  it('lets a president add a value with a checked code', async () => {
    const core = signedIn(session(), { 'lookups.save': (input) => ok(input) });
    await renderApp('#/settings/lists');
    const user = userEvent.setup();
    const categories = (await screen.findByRole('heading', { name: 'Catégories' })).closest('section') as HTMLElement;
    await user.click(within(categories).getByRole('button', { name: 'Ajouter une valeur' }));

    const dialog = await screen.findByRole('dialog', { name: 'Ajouter une valeur : Catégories' });
    const code = within(dialog).getByRole('textbox', { name: /^Code/ }) as HTMLInputElement;
    await user.type(within(dialog).getByRole('textbox', { name: /^Libellé en français/ }), 'Étudiant étranger');
    expect(code.value).toBe('etudiant_etranger');
    await user.type(within(dialog).getByRole('textbox', { name: /^Libellé en arabe/ }), 'طالب أجنبي');
    await user.type(within(dialog).getByRole('textbox', { name: /^Libellé en anglais/ }), 'Foreign student');
    await user.clear(code);
    await user.type(code, 'refugee{Enter}');
    expect(await within(dialog).findByText('Ce code existe déjà dans cette liste.')).toBeTruthy();
    expect(core.calls('lookups.save')).toEqual([]);

    await user.clear(code);
    await user.type(code, 'foreign_student{Enter}');
    await waitFor(() =>
      expect(core.calls('lookups.save')).toEqual([
        {
          list: 'category',
          code: 'foreign_student',
          labels: { fr: 'Étudiant étranger', ar: 'طالب أجنبي', en: 'Foreign student' },
          sensitive: false,
          archived: false,
        },
      ]),
    );
  });
});
