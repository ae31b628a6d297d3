// Test-only: calling the relay factory's routes by name, signed, the way the Fastify plugin would.
import { RELAY, RelayErrorBody } from '../../../src/shared/protocol/relay.js';
import type { Relay, RelayResponse } from '../relay.js';
import type { Signer } from './client.js';

/** A log that keeps nothing. */
export const silent = { info: () => undefined, error: () => undefined };

export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
  bytes?: Uint8Array;
  /** Overrides of what is signed, to forge requests. */
  sign?: { ts?: number; nonce?: string; body?: Uint8Array; key?: string };
  unsigned?: boolean;
}

export function routeOf(relay: Relay, name: string) {
  const route = relay.routes.find((r) => r.name === name);
  if (!route) throw new Error(`no route ${name}`);
  return route;
}

/** Calls a route by name the way the Fastify plugin would, signing with `signer`. */
export async function call(relay: Relay, name: string, signer: Signer, options: Call = {}): Promise<RelayResponse> {
  const route = routeOf(relay, name);
  const params = options.params ?? {};
  const path = RELAY.prefix + route.url.replace(/:(\w+)/g, (_m, p: string) => params[p] ?? '');
  const query = options.query ?? {};
  const search = new URLSearchParams(query).toString();
  const pathWithQuery = search ? `${path}?${search}` : path;
  const body = options.bytes ?? (options.json === undefined ? new Uint8Array(0) : new TextEncoder().encode(JSON.stringify(options.json)));
  let headers: Record<string, string> = options.unsigned ? {} : await signer.headers(route.method, pathWithQuery, options.sign?.body ?? body, options.sign ?? {});
  if (options.sign?.key) headers = { ...headers, 'x-wm-key': options.sign.key };
  return route.handle({ method: route.method, pathWithQuery, params, query, headers, body });
}

/** The JSON body of a response (null for bytes). */
export const json = (response: RelayResponse) => ('json' in response ? response.json : null) as Record<string, unknown>;
/** The relay error code of a refused response. */
export const code = (response: RelayResponse) => RelayErrorBody.parse(json(response)).error.code;
