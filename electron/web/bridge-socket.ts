import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { SOCKET_PROTOCOL, socketCallSchema, type SocketAnswer, type SocketCall } from '../contract/bridge-socket';
import type { Core } from '../core/dispatcher';
import { hasSessionCookie, MAX_BODY_BYTES, sameSecret, SOCKET_PATH, type BridgeSecrets } from './bridge';

export interface BridgeSocketOptions {
  core: Pick<Core, 'dispatch'>;
  secrets: BridgeSecrets;
  allowedHosts: () => string[];
}

/**
 * Whether this upgrade may become an operations socket: the same checks as an HTTP operation
 * (an allowed Host, the session cookie, the page token), and an Origin that must be there and be
 * the bridge's own, since a page of any site may open a socket to any address.
 */
export function mayOpenSocket(req: IncomingMessage, { secrets, allowedHosts }: Omit<BridgeSocketOptions, 'core'>): boolean {
  const host = req.headers.host ?? '';
  if (!allowedHosts().includes(host)) return false;
  if (new URL(req.url ?? '/', 'http://bridge.invalid').pathname !== SOCKET_PATH) return false;
  if (req.headers.origin !== `http://${host}`) return false;
  if (!hasSessionCookie(req, secrets)) return false;
  const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  return protocols.includes(SOCKET_PROTOCOL) && protocols.some((p) => sameSecret(p, secrets.pageToken));
}

function parseCall(data: RawData, isBinary: boolean): SocketCall | null {
  if (isBinary) return null;
  try {
    const call = socketCallSchema.safeParse(JSON.parse(String(data)));
    return call.success ? call.data : null;
  } catch {
    return null;
  }
}

function serve(socket: WebSocket, core: Pick<Core, 'dispatch'>): void {
  socket.on('message', (data, isBinary) => {
    const call = parseCall(data, isBinary);
    // Only our page speaks on this socket: anything else is closed, not answered.
    if (!call) return socket.close(1008, 'invalid call');
    void core.dispatch(call.op, call.input).then((result) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id: call.id, result } satisfies SocketAnswer));
    });
  });
}

/**
 * The operations of the bridge on one WebSocket per page, beside `POST /api/<op>`: an HTTP request
 * costs the browser a few milliseconds of its own on each call, felt on every key typed in a search.
 */
export function attachBridgeSocket(server: Server, { core, secrets, allowedHosts }: BridgeSocketOptions): { close: () => void } {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_BODY_BYTES,
    handleProtocols: (protocols) => (protocols.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });
  server.on('upgrade', (req: IncomingMessage, stream: Duplex, head: Buffer) => {
    if (!mayOpenSocket(req, { secrets, allowedHosts })) {
      stream.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, stream, head, (socket) => serve(socket, core));
  });
  // An open socket would keep the server from closing.
  return {
    close: () => {
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
    },
  };
}
