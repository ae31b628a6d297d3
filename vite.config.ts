import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

// Every emitted file is named by its hash alone: a chunk called "vault" or "settings" in the
// downloads list or the cache would give the disguise away. No source maps ship, for the same reason.
const hashOnly = {
  entryFileNames: 'assets/[hash].js',
  chunkFileNames: 'assets/[hash].js',
  assetFileNames: 'assets/[hash][extname]',
};

export default defineConfig(({ mode }) => ({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,ico,svg,webmanifest,txt}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // `--mode bench` adds a page that drives the app's modules for `npm run bench`; it is built
    // into build/bench-dist, never into dist/.
    ...(mode === 'bench' ? { outDir: 'build/bench-dist' } : {}),
    rolldownOptions: { output: hashOnly, ...(mode === 'bench' ? { input: { main: 'index.html', seed: 'bench/page/seed.html' } } : {}) },
  },
  worker: {
    format: 'es',
    rolldownOptions: { output: hashOnly },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
}));
