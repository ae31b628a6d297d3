// The outbox's durable storage: each queued item is one encrypted vault record (platform/store), so
// neither the ids, the mailbox ids nor the already-encrypted payloads sit in IndexedDB in the clear,
// and the record's kind is an opaque tag. Needs an unlocked vault, like every repository.
import { createRepository } from '../store';
import type { OutboxStorage } from './outbox';
import { OutboxItem } from './outboxQueue';

/** The record kind (bound into each record's AAD; on disk only its keyed tag appears). */
export const OUTBOX_KIND = 'relay-outbox';

const repository = createRepository({ kind: OUTBOX_KIND, schema: OutboxItem, schemaVersion: 1 });

/**
 * The outbox storage kept in the vault. A damaged record is left where it is and not loaded: it cannot
 * be sent, and deleting it silently would hide that something was lost (`damaged` reports it).
 */
export function vaultOutboxStorage(): OutboxStorage & { damaged(): Promise<string[]> } {
  return {
    async load() {
      return (await repository.list()).flatMap((listed) => (listed.damaged ? [] : [listed.value]));
    },
    async save(item) {
      await repository.put(item, item.id);
    },
    remove: (id) => repository.delete(id),
    async damaged() {
      return (await repository.list()).flatMap((listed) => (listed.damaged ? [listed.id] : []));
    },
  };
}
