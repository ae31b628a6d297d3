// Whether the browser may evict this origin's data under storage pressure. An installed app usually
// gets persistent storage when it asks; a browser tab usually does not, and Safari deletes a tab's
// storage after seven days unused.

export interface StorageStatus {
  persisted: boolean;
  /** Bytes free for this origin, when the browser says. */
  available: number | null;
}

export async function persistStorage(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function storageStatus(): Promise<StorageStatus> {
  try {
    const [persisted, estimate] = await Promise.all([navigator.storage?.persisted?.() ?? false, navigator.storage?.estimate?.()]);
    const available = estimate?.quota !== undefined && estimate.usage !== undefined ? estimate.quota - estimate.usage : null;
    return { persisted, available };
  } catch {
    return { persisted: false, available: null };
  }
}
