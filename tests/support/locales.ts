// Reads the app's own translations, so tests in another language find controls by the same names
// a person using the app in that language hears.
import { readFileSync } from 'node:fs';

type Tree = { [key: string]: Tree | string | string[] };
const cache = new Map<string, Tree>();

export type Lang = 'en' | 'cy' | 'pl' | 'ur';

export function translator(lang: Lang): (key: string, vars?: Record<string, string | number>) => string {
  return (key, vars = {}) => {
    const [ns, path] = key.split(':') as [string, string];
    const file = `locales/${lang}/${ns}.json`;
    if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')) as Tree);
    let node: Tree | string | string[] | undefined = cache.get(file);
    for (const part of path.split('.')) node = (node as Tree | undefined)?.[part];
    if (typeof node !== 'string') throw new Error(`no string at ${lang}/${key}`);
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  };
}
