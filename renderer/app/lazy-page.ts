import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A route's page loaded when the route is first visited, from its own chunk: the first screen
 * loads only what it shows. The router waits for it before leaving the page on screen, so there
 * is no empty frame in between.
 */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M): RouteObject['lazy'] {
  return async () => ({ Component: (await load())[name] as ComponentType });
}
