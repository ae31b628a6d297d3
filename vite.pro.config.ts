import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { type Plugin, defineConfig } from 'vite';

// The advocate's app (DESIGN §6): its own build into dist-pro/, served from its own origin, so nothing
// of it is ever cached on a survivor's phone. No service worker, no manifest, no public/ folder: it
// shares no file and no cache with the survivor's app.

const storeNames = fileURLToPath(new URL('src/platform/store/names.ts', import.meta.url));
const proStoreNames = fileURLToPath(new URL('src/pro/storeNames.ts', import.meta.url));

/**
 * platform/store takes every storage name from names.ts; this build swaps that one module for the
 * advocate's names, so her vault can never be mistaken for (or collide with) a survivor's, even on a
 * shared origin in development.
 */
function advocateStorageNames(): Plugin {
  return {
    name: 'waymark-advocate-storage-names',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/names(\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === storeNames ? proStoreNames : null;
    },
  };
}

const hashOnly = {
  entryFileNames: 'assets/[hash].js',
  chunkFileNames: 'assets/[hash].js',
  assetFileNames: 'assets/[hash][extname]',
};

export default defineConfig({
  root: fileURLToPath(new URL('pro', import.meta.url)),
  publicDir: false,
  plugins: [advocateStorageNames(), preact()],
  build: {
    outDir: fileURLToPath(new URL('dist-pro', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: { output: hashOnly },
  },
  worker: {
    format: 'es',
    plugins: () => [advocateStorageNames()],
    rolldownOptions: { output: hashOnly },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
