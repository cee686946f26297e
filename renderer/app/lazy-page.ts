import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadLocale } from '../i18n';

/**
 * A route's page loaded when the route is first visited, from its own chunk: the first screen
 * loads only what it shows. The router waits for it before leaving the page on screen, so there
 * is no empty frame in between. Arabic comes with it whatever the language on screen, because
 * every printed document is bilingual.
 */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M): RouteObject['lazy'] {
  return async () => {
    const [page] = await Promise.all([load(), loadLocale('ar')]);
    return { Component: page[name] as ComponentType };
  };
}
