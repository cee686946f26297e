import { z } from 'zod';
import type { Result } from './errors';

/** The subprotocol the page asks the web bridge's socket for; the page token travels as a second one (a browser socket cannot send headers). */
export const SOCKET_PROTOCOL = 'tadamon-ops';

/** A call on the bridge's operations socket: an id of the page's choosing, the operation and its input. */
export const socketCallSchema = z.object({ id: z.int(), op: z.string(), input: z.unknown() });
export type SocketCall = z.infer<typeof socketCallSchema>;

/** The bridge's answer to a call, under the call's id. */
export interface SocketAnswer {
  id: number;
  result: Result<unknown>;
}
