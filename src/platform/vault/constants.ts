// Every number the vault format depends on, in one place (format v1, DESIGN §4).

export const VAULT = {
  formatVersion: 1,
  /** Argon2id costs. m is in KiB, as hash-wasm and the reference implementation take it. */
  kdf: {
    memoryKiB: 64 * 1024,
    iterations: 3,
    parallelism: 1,
    /** OWASP's floor for Argon2id: never go below it, however slow the phone. */
    floorMemoryKiB: 19 * 1024,
    floorIterations: 2,
    /** A header asking for more than this is refused before any work: it is corrupt or hostile. */
    maxMemoryKiB: 256 * 1024,
    maxIterations: 10,
    saltBytes: 16,
    keyBytes: 32,
  },
  /** The key file: a fixed-size header and a fixed number of equal-size key slots. */
  keyFile: {
    headerBytes: 64,
    slotCount: 8,
    /** AES-GCM of a 32-byte key: 12-byte IV, 32-byte ciphertext, 16-byte tag. */
    slotBytes: 12 + 32 + 16,
  },
  record: {
    envelopeVersion: 1,
    ivBytes: 12,
    /** Plaintexts are padded to a power of two from here up to `bucketLinearFrom`, then to multiples of it. */
    minBucket: 256,
    bucketLinearFrom: 64 * 1024,
  },
  recovery: { entropyBytes: 16, words: 12 },
  idBytes: 16,
} as const;

/** Domain-separation labels. They never reach storage, so the product's name in them reveals nothing. */
export const LABELS = {
  recordAad: 'waymark/v1',
  slotAad: 'waymark/v1/slot',
  recoveryKek: 'waymark/v1/recovery-kek',
  recordKey: 'waymark/v1/records',
  tagKey: 'waymark/v1/tags',
} as const;

export const KEY_FILE_BYTES = VAULT.keyFile.headerBytes + VAULT.keyFile.slotCount * VAULT.keyFile.slotBytes;
