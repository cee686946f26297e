import type { SignedInContext } from '../context';
import { AppError } from '../errors';

/** Saving the page as a PDF is the host's (a native dialog); the web bridge has no such thing. */
export async function savePdf(ctx: SignedInContext, fileName: string): Promise<{ path: string | null }> {
  if (!ctx.host.savePdf) throw new AppError('not_supported');
  return { path: await ctx.host.savePdf(fileName) };
}
