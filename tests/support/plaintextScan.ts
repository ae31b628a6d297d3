// The plaintext check of DESIGN §9: search every file under a directory for a canary, encoded every
// way it could plausibly sit on disk. Base64 depends on where a string starts within the encoded
// blob, so each of the three alignments is searched for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Hit {
  canary: string;
  encoding: string;
  file: string;
}

function base64Cores(bytes: Buffer): Buffer[] {
  const cores: Buffer[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const text = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Drop the characters that mix in the padding bytes before and the unknown bytes after.
    const core = text.slice(Math.ceil((offset * 4) / 3) + 1, text.length - 4);
    if (core.length >= 8) cores.push(Buffer.from(core, 'latin1'));
  }
  return cores;
}

/** Every byte pattern a canary may take: UTF-8, UTF-16LE, Latin-1, base64 and hex. */
export function encodings(canary: string): { encoding: string; pattern: Buffer }[] {
  const utf8 = Buffer.from(canary, 'utf8');
  const out = [
    { encoding: 'utf-8', pattern: utf8 },
    { encoding: 'utf-16le', pattern: Buffer.from(canary, 'utf16le') },
    ...base64Cores(utf8).map((pattern) => ({ encoding: 'base64', pattern })),
    { encoding: 'hex', pattern: Buffer.from(utf8.toString('hex'), 'latin1') },
    { encoding: 'HEX', pattern: Buffer.from(utf8.toString('hex').toUpperCase(), 'latin1') },
  ];
  // Latin-1 exists only for text Latin-1 can hold (an Urdu canary has no Latin-1 form).
  if (/^[\u0000-\u00ff]*$/.test(canary)) out.push({ encoding: 'latin-1', pattern: Buffer.from(canary, 'latin1') });
  return out;
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue; // a socket or a file removed as we walked
    }
    if (stat.isDirectory()) yield* files(path);
    else if (stat.isFile()) yield path;
  }
}

export function scanForCanaries(dir: string, canaries: readonly string[]): Hit[] {
  const patterns = canaries.flatMap((canary) => encodings(canary).map((e) => ({ canary, ...e })));
  const hits: Hit[] = [];
  for (const file of files(dir)) {
    const content = readFileSync(file);
    for (const { canary, encoding, pattern } of patterns) {
      if (content.indexOf(pattern) !== -1) hits.push({ canary, encoding, file: file.slice(dir.length) });
    }
  }
  return hits;
}
