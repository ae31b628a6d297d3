// `npm start`: installs what is missing, builds the app and serves it on 127.0.0.1.
import { execFileSync, spawn } from 'node:child_process';
import { ensureDependencies } from './prepare.mjs';

ensureDependencies();
console.log('Building…');
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

const port = process.env.PORT ?? '8080';
const server = spawn(process.execPath, ['build/server/server/main.js'], { stdio: 'inherit', env: { ...process.env, PORT: port } });
console.log(`\nOpen http://127.0.0.1:${port}/ in a browser. It is a calculator: to set it up, type 1793 ÷ 0 and press =.`);
console.log(`The advocate's app is at http://127.0.0.1:${Number(port) + 1}/ (a separate origin).\n`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
