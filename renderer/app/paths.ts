export const homePath = '/home';

function withFile(route: string, path: string, userId?: string | null): string {
  const query = new URLSearchParams({ path });
  if (userId) query.set('user', userId);
  return `${route}?${query}`;
}

export const signInPath = (path: string, userId?: string | null) => withFile('/sign-in', path, userId);
export const recoverPath = (path: string, userId?: string | null) => withFile('/recover', path, userId);
