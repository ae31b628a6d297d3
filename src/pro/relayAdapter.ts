// The three relay calls the advocate app makes, through platform/relay's client. The port is this
// small so tests can stand in for the relay; each call is tried once (the caseload polls again).
import { RelayCallError, asCallError, createRelayClient } from '../platform/relay';
import type { RequestSigningKey } from '../platform/vault';
import type {
  AppendMessageRequest,
  AppendMessageResponse,
  CreateInviteRequest,
  CreateInviteResponse,
  ReadMessagesResponse,
} from '../shared/protocol/relay';

// The error the port's callers see (shared with the advocate app's port).
export { RelayCallError };

/** The relay calls the advocate app needs. */
export interface RelayPort {
  createInvite(key: RequestSigningKey, request: CreateInviteRequest): Promise<CreateInviteResponse>;
  appendMessage(key: RequestSigningKey, mailbox: string, request: AppendMessageRequest): Promise<AppendMessageResponse>;
  readMessages(key: RequestSigningKey, mailbox: string, after: number): Promise<ReadMessagesResponse>;
}

/** A RelayPort over the relay client, to the relay at `origin`. */
export function fetchRelay(origin: string): RelayPort {
  const client = createRelayClient({ baseUrl: origin, maxAttempts: 1 });
  return {
    createInvite: (key, request) => asCallError(client.createInvite(key, request)),
    appendMessage: (key, mailbox, request) => asCallError(client.appendMessage(mailbox, key, request)),
    readMessages: (key, mailbox, after) => asCallError(client.readMessages(mailbox, key, { after })),
  };
}
