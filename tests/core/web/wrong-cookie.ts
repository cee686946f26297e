/**
 * The same cookie with the first character of its value changed: never equal to it (a fixed
 * replacement letter would be the value's own first letter once in 64 runs).
 */
export const wrongCookie = (cookie: string) => cookie.replace(/=(.)/, (_, first: string) => `=${first === 'x' ? 'y' : 'x'}`);
