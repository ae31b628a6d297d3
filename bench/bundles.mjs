// Bundle sizes, gzip level 9, in KB (1000 bytes).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length / 1000;
const local = (url) => `dist${new URL(url).pathname}`;

function firstLoadFiles() {
  const html = readFileSync('dist/index.html', 'utf8');
  return [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => `dist/${m[1]}`);
}

/** The JS a browser fetches to show the calculator: the entry scripts and their static imports. */
export function firstLoadGzipKb() {
  return firstLoadFiles().reduce((sum, file) => sum + gz(file), 0);
}

/**
 * The KDF worker (the one carrying Argon2id), and the app: every other script the page loaded from
 * a fresh load to the home screen (translations in English, the gate, the app), workers excluded.
 */
export function bundleSizes(workerUrls, loadedScriptUrls) {
  const workers = [...new Set(workerUrls)].map(local);
  const kdf = workers.find((file) => readFileSync(file, 'utf8').includes('argon2'));
  const first = new Set(firstLoadFiles());
  const app = [...new Set(loadedScriptUrls)].map(local).filter((file) => !first.has(file) && !workers.includes(file));
  return {
    'bundle.kdf_worker_gz_kb': kdf ? gz(kdf) : Number.NaN,
    'bundle.app_gz_kb': app.reduce((sum, file) => sum + gz(file), 0),
  };
}
