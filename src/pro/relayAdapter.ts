// A tiny signed-fetch adapter for the three relay calls the advocate app makes so far. It stands in for
// the relay client (platform/relay) and keeps the same job: sign each request at send time, send it,
// parse the answer with the shared wire schemas. Swap `fetchRelay` for that client when it lands.
import { type RequestSigningKey, signRequest } from '../platform/vault';
import {
  AppendMessageRequest,
  AppendMessageResponse,
  CreateInviteRequest,
  CreateInviteResponse,
  RELAY,
  ReadMessagesResponse,
  RelayErrorBody,
  type RelayErrorCode,
} from '../shared/protocol/relay';
import type { z } from 'zod';

/** A relay call that failed: the relay's own error code, or `network` / `bad_response`. */
export class RelayCallError extends Error {
  readonly code: RelayErrorCode | 'network' | 'bad_response';
  constructor(code: RelayCallError['code']) {
    super(code);
    this.name = 'RelayCallError';
    this.code = code;
  }
}

/** The relay calls the advocate app needs. */
export interface RelayPort {
  createInvite(key: RequestSigningKey, request: CreateInviteRequest): Promise<CreateInviteResponse>;
  appendMessage(key: RequestSigningKey, mailbox: string, request: AppendMessageRequest): Promise<AppendMessageResponse>;
  readMessages(key: RequestSigningKey, mailbox: string, after: number): Promise<ReadMessagesResponse>;
}

/** A RelayPort over `fetch` to the relay at `origin` (no cookies, no referrer). */
export function fetchRelay(origin: string): RelayPort {
  async function post<S extends z.ZodType>(key: RequestSigningKey, path: string, body: unknown, answer: S, method: 'POST' | 'GET' = 'POST'): Promise<z.infer<S>> {
    const text = method === 'POST' ? JSON.stringify(body) : '';
    const fullPath = `${RELAY.prefix}${path}`;
    const headers = await signRequest(key, { method, path: fullPath, body: text });
    let response: Response;
    try {
      response = await fetch(`${origin}${fullPath}`, {
        method,
        headers: method === 'POST' ? { ...headers, 'content-type': 'application/json' } : { ...headers },
        body: method === 'POST' ? text : undefined,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
    } catch {
      throw new RelayCallError('network');
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const failure = RelayErrorBody.safeParse(json);
      throw new RelayCallError(failure.success ? failure.data.error.code : 'bad_response');
    }
    const parsed = answer.safeParse(json);
    if (!parsed.success) throw new RelayCallError('bad_response');
    return parsed.data;
  }

  return {
    createInvite: (key, request) => post(key, '/invites', CreateInviteRequest.parse(request), CreateInviteResponse),
    appendMessage: (key, mailbox, request) => post(key, `/mailboxes/${mailbox}/messages`, AppendMessageRequest.parse(request), AppendMessageResponse),
    readMessages: (key, mailbox, after) => post(key, `/mailboxes/${mailbox}/messages?after=${after}`, undefined, ReadMessagesResponse, 'GET'),
  };
}
