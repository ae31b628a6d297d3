// Relay configuration from the environment: SQLite under data/ by default, PostgreSQL when
// DATABASE_URL is set. RELAY_ALLOWED_ORIGINS (comma-separated) lets another origin (the advocate
// app's, when served apart) call the relay from a browser; by default only the same origin may.
import { resolve } from 'node:path';
import { openPostgresStore } from './postgresStore.js';
import { openSqliteStore } from './sqliteStore.js';
import type { RelayStore } from './store.js';

export interface RelayConfig {
  /** postgres://… when set; otherwise SQLite at `sqliteFile`. */
  databaseUrl: string | null;
  sqliteFile: string;
  allowedOrigins: string[];
}

/** Reads the relay's settings from environment variables. */
export function relayConfigFromEnv(env: NodeJS.ProcessEnv): RelayConfig {
  return {
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    sqliteFile: resolve(env.RELAY_SQLITE_FILE ?? 'data/relay.sqlite'),
    allowedOrigins: (env.RELAY_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
  };
}

/** Opens the configured store. */
export async function openStore(config: RelayConfig): Promise<RelayStore> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl) : openSqliteStore(config.sqliteFile);
}

/** Which adapter a config selects, for the start-up line (never the URL: it may hold a password). */
export function storeLabel(config: RelayConfig): string {
  return config.databaseUrl ? 'PostgreSQL' : `SQLite (${config.sqliteFile})`;
}
