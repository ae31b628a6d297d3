// The three relay calls linking needs, through platform/relay's client to her own relay (the app's
// own origin: no request ever goes to another). The port is this small so tests can stand in for
// the relay; each call is tried once, and the UI decides when to try again.
import { RelayCallError, asCallError, createRelayClient } from '../../platform/relay';
import type { RequestSigningKey } from '../../platform/vault';
import type {
  AppendMessageRequest,
  AppendMessageResponse,
  ConsumeInviteRequest,
  ConsumeInviteResponse,
  ReadMessagesResponse,
} from '../../shared/protocol/relay';

// The error the port's callers see (shared with the advocate app's port).
export { RelayCallError };

/** The relay calls the survivor's side of linking makes. */
export interface LinkRelay {
  consumeInvite(key: RequestSigningKey, request: ConsumeInviteRequest): Promise<ConsumeInviteResponse>;
  readMessages(key: RequestSigningKey, mailbox: string, after: number): Promise<ReadMessagesResponse>;
  appendMessage(key: RequestSigningKey, mailbox: string, request: AppendMessageRequest): Promise<AppendMessageResponse>;
}

/** A LinkRelay over the relay client, to the relay at `origin`. */
export function fetchLinkRelay(origin: string = location.origin): LinkRelay {
  const client = createRelayClient({ baseUrl: origin, maxAttempts: 1 });
  return {
    consumeInvite: (key, request) => asCallError(client.consumeInvite(key, request)),
    readMessages: (key, mailbox, after) => asCallError(client.readMessages(mailbox, key, { after })),
    appendMessage: (key, mailbox, request) => asCallError(client.appendMessage(mailbox, key, request)),
  };
}
