// The little of a WebSocket the subscription uses, so the browser's WebSocket and Node's `ws` (tests)
// both fit without a wrapper.

/** A message event as both the browser and `ws` deliver it: text frames arrive as strings. */
export interface SocketMessageEvent {
  readonly data: unknown;
}

export interface RelaySocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  // `never` parameters: any listener type is accepted here, and the subscription reads only `data`.
  onmessage: ((event: never) => void) | null;
}

export type WebSocketConstructor = new (url: string) => RelaySocket;
