// The three relay calls linking needs, as signed `fetch` to her own relay (the app's own origin: no
// request ever goes to another). A stand-in for platform/relay's client, kept this small so the
// swap is one file; the shape mirrors src/pro/relayAdapter.ts.
import { type RequestSigningKey, signRequest } from '../../platform/vault';
import {
  AppendMessageRequest,
  AppendMessageResponse,
  ConsumeInviteRequest,
  ConsumeInviteResponse,
  RELAY,
  RelayErrorBody,
  type RelayErrorCode,
  ReadMessagesResponse,
} from '../../shared/protocol/relay';
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

/** The relay calls the survivor's side of linking makes. */
export interface LinkRelay {
  consumeInvite(key: RequestSigningKey, request: ConsumeInviteRequest): Promise<ConsumeInviteResponse>;
  readMessages(key: RequestSigningKey, mailbox: string, after: number): Promise<ReadMessagesResponse>;
  appendMessage(key: RequestSigningKey, mailbox: string, request: AppendMessageRequest): Promise<AppendMessageResponse>;
}

/** A LinkRelay over `fetch` to the relay at `origin` (no cookies, no referrer, no cache). */
export function fetchLinkRelay(origin: string = location.origin): LinkRelay {
  async function call<S extends z.ZodType>(key: RequestSigningKey, method: 'GET' | 'POST', path: string, body: unknown, answer: S): Promise<z.infer<S>> {
    const text = body === undefined ? '' : JSON.stringify(body);
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
    consumeInvite: (key, request) => call(key, 'POST', '/invites/consume', ConsumeInviteRequest.parse(request), ConsumeInviteResponse),
    readMessages: (key, mailbox, after) => call(key, 'GET', `/mailboxes/${mailbox}/messages?after=${after}`, undefined, ReadMessagesResponse),
    appendMessage: (key, mailbox, request) => call(key, 'POST', `/mailboxes/${mailbox}/messages`, AppendMessageRequest.parse(request), AppendMessageResponse),
  };
}
