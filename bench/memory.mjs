// Peak memory of a Chromium profile while something runs: the summed proportional set size of every
// Chromium process of the profile above its baseline, plus any growth of <profile>/blob_storage (a
// Blob spilled to disk counts), and each kind of process's own peak, to see where the memory goes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function du(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
  } catch {
    return 0;
  }
}

function isChildOf(pid, profile) {
  for (let p = pid, depth = 0; p && p !== '1' && depth < 6; depth++) {
    p = readFileSync(`/proc/${p}/stat`, 'latin1').split(') ')[1]?.split(' ')[1];
    if (p && readFileSync(`/proc/${p}/cmdline`, 'latin1').includes(`--user-data-dir=${profile}`)) return true;
  }
  return false;
}

/** The kind of a Chromium process, from its command line: browser, renderer, gpu, utility (network, storage…). */
function processKind(cmd) {
  const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
  const service = /--utility-sub-type=([A-Za-z.]+)/.exec(cmd)?.[1];
  return service ? `${type}:${service.split('.').slice(-2).join('.')}` : type;
}

/** Proportional set size of every Chromium process using this profile, in MB: the sum and by kind. */
function profilePss(profile) {
  let kb = 0;
  const byKind = {};
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      const browser = cmd.includes(`--user-data-dir=${profile}`);
      if (!browser && !(cmd.includes('chromium') && isChildOf(pid, profile))) continue;
      const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1'))?.[1] ?? 0);
      kb += pss;
      const kind = processKind(cmd.replaceAll('\0', ' '));
      byKind[kind] = (byKind[kind] ?? 0) + pss / 1024;
    } catch {
      // a process that ended while we looked
    }
  }
  return { total: kb / 1024, byKind };
}

/**
 * Starts sampling now (the baseline) every 250 ms; `stop()` returns the peak above the baseline in MB
 * (PSS plus blob_storage growth) and each process kind's own peak above its baseline.
 */
export function sampleMemory(profile) {
  const blobs = join(profile, 'Default', 'blob_storage');
  const before = profilePss(profile);
  const blobBefore = du(blobs);
  let peak = before.total;
  let peakBlob = blobBefore;
  const peakByKind = {};
  const timer = setInterval(() => {
    const now = profilePss(profile);
    peak = Math.max(peak, now.total);
    for (const [kind, mb] of Object.entries(now.byKind)) peakByKind[kind] = Math.max(peakByKind[kind] ?? 0, mb - (before.byKind[kind] ?? 0));
    peakBlob = Math.max(peakBlob, du(blobs));
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      return { peakMb: peak - before.total + (peakBlob - blobBefore) / 1e6, byKind: peakByKind };
    },
  };
}
