// Builds the pack verifier's core (src/features/export/verify) into one ESM file for Node 20,
// build/verify/verify.mjs, which bin/waymark-verify.mjs runs. Part of `npm run build`; the bin also
// calls it on demand when the file is missing. Dependencies (zod, fflate, hash-wasm) are bundled in,
// so the file needs nothing else at run time.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
export const VERIFY_OUT = fileURLToPath(new URL('../build/verify/verify.mjs', import.meta.url));

export async function buildVerifier({ quiet = false } = {}) {
  await build({
    root,
    configFile: false,
    logLevel: quiet ? 'silent' : 'info',
    publicDir: false,
    build: {
      outDir: 'build/verify',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      ssr: 'src/features/export/verify/index.ts',
      rolldownOptions: { output: { entryFileNames: 'verify.mjs', format: 'es' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildVerifier();
