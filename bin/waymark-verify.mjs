#!/usr/bin/env node
// Verifies a Waymark evidence pack: `node bin/waymark-verify.mjs <pack.zip>`.
// Recomputes every file's SHA-256, the hash chain and its head, and says whether the pack is
// internally consistent (and whether anything anchors it: a countersignature) or exactly which file
// or entry fails. The same verifier core runs in the app's "Check a pack" screen.
// Everything printed is escaped (as the verifier's `printable` does): text from the pack (file
// names, ids, versions) and the path given may hold terminal escapes or bidi controls, which are
// shown as \uXXXX, not obeyed.
// Exit code: 0 consistent, 1 not intact, 2 usage or an unreadable file.
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

// The same escaping as the verifier's `printable` (describe.ts), here too so that it holds even for
// the path and errors printed before the verifier is loaded.
const escapeControls = (text) => text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

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
  process.stderr.write(`Cannot read ${escapeControls(path)}: ${escapeControls(String(error.code ?? error.message))}\n`);
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
  // describeReport already makes pack text printable; each line once more, in case a sentence ever misses one.
  process.stdout.write(`${escapeControls(path)}\n${describeReport(report).map(escapeControls).join('\n')}\n`);
  process.exitCode = report.ok ? 0 : report.problems.some((p) => p.code === 'not_a_zip') ? 2 : 1;
} catch (error) {
  process.stderr.write(`Cannot verify ${escapeControls(path)}: ${escapeControls(String(error.message))}\n`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
