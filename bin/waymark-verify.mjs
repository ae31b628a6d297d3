#!/usr/bin/env node
// Verifies a Waymark evidence pack: `node bin/waymark-verify.mjs <pack.zip>`.
// Recomputes every file's SHA-256, the hash chain and its head, and says "Intact" or exactly which
// file or entry fails. The same verifier core runs in the app's "Check a pack" screen.
// Exit code: 0 intact, 1 not intact, 2 usage or an unreadable file.
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const VERIFIER = fileURLToPath(new URL('../build/verify/verify.mjs', import.meta.url));

async function loadVerifier() {
  if (!existsSync(VERIFIER)) {
    // Built by `npm run build`; after a bare `npm ci`, build it now (vite is installed by npm ci).
    const { buildVerifier } = await import(pathToFileURL(fileURLToPath(new URL('../scripts/build-verify.mjs', import.meta.url))).href);
    await buildVerifier({ quiet: true });
  }
  return import(pathToFileURL(VERIFIER).href);
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
  process.stderr.write('Usage: waymark-verify <pack.zip>\nChecks a Waymark evidence pack. Exit code 0: intact; 1: not intact; 2: usage or unreadable file.\n');
  process.exit(2);
}

const path = args[0];
let handle;
try {
  handle = await open(path, 'r');
} catch (error) {
  process.stderr.write(`Cannot read ${path}: ${error.code ?? error.message}\n`);
  process.exit(2);
}

try {
  const { size } = await handle.stat();
  const source = {
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === length ? buffer : buffer.subarray(0, done);
    },
  };
  const { verifyPack, describeReport } = await loadVerifier();
  const report = await verifyPack(source);
  process.stdout.write(`${path}\n${describeReport(report).join('\n')}\n`);
  process.exitCode = report.ok ? 0 : report.problems.some((p) => p.code === 'not_a_zip') ? 2 : 1;
} catch (error) {
  process.stderr.write(`Cannot verify ${path}: ${error.message}\n`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
