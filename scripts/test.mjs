// `npm test`: every check, in the order that fails fastest. Installs what a fresh clone lacks first.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureDependencies } from './prepare.mjs';

ensureDependencies();
ensureChromium();

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests (Node and Chromium)', 'npx', ['vitest', 'run']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests (Chromium)', 'npx', ['playwright', 'test']],
];

const results = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? '1' } });
  results.push(`${status === 0 ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (status !== 0) {
    console.error(`\n${results.join('\n')}\n\n${name} failed.`);
    process.exit(status ?? 1);
  }
}
console.log(`\n${results.join('\n')}\n\nAll checks passed.`);
