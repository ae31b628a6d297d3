import { describe, expect, it } from 'vitest';
import { isSafeFileName } from '../../shared/protocol/download';
import { neutralFileName } from './fileNames';

describe('neutral file names', () => {
  const when = new Date(2026, 11, 2, 23, 59);

  it('name a pack and a backup by their date only', () => {
    expect(neutralFileName('pack', when)).toBe('document-20261202.zip');
    expect(neutralFileName('backup', when)).toMatch(/^data-20261202-[0-9a-f]{6}\.bin$/);
  });

  it('give two backups of one day different names', () => {
    const names = new Set(Array.from({ length: 20 }, () => neutralFileName('backup', when)));
    expect(names.size).toBeGreaterThan(1);
  });

  it('are names the service worker accepts', () => {
    expect(isSafeFileName(neutralFileName('pack', when))).toBe(true);
    expect(isSafeFileName(neutralFileName('backup', when))).toBe(true);
  });

  it('refuse names that could trip a header or a file system', () => {
    for (const bad of ['', '../x.zip', 'a"b.zip', 'a b.zip', 'a/b.zip', '.hidden', 'x'.repeat(90), 'é.zip', 'a\r\nb.zip']) {
      expect(isSafeFileName(bad), bad).toBe(false);
    }
  });
});
