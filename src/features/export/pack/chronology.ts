// chronology.html: the pack's human-readable chronology, one self-contained page (inline CSS, inline
// thumbnails, no request anywhere) laid out for A4 with page numbers, in the language she chose for
// the pack. Pure: it takes the model and a translate function and returns the HTML. Every piece of
// her text is HTML-escaped; nothing is interpolated raw.

export interface ChronologyFile {
  name: string;
  size: number;
  /** Where it came from: in_app, picker, file. */
  source: string;
  /** The original's SHA-256: the bytes as received by the app. */
  sha256: string;
  /** Its name inside the pack ('' when left out). */
  path: string;
  /** She left it out (it may hold her location): no file, its log event a fingerprint only. */
  leftOut?: boolean;
  /** The file in the pack is a copy without this metadata. */
  copy: { sha256: string; size: number; removed: string[] } | null;
  /** A small JPEG (data: URL) for images; null for anything else. */
  thumbnail: string | null;
  video: boolean;
}

export interface ChronologyVersion {
  rev: number;
  savedAt: string;
  reason: string;
  what: string;
  where: string;
  witnesses: string;
  injuries: string;
  weapon: boolean;
  impact: string;
  police: { told: string | null; on: string | null; reference: string; officer: string };
}

export interface ChronologyEntry {
  id: string;
  at: string;
  until: string | null;
  approximate: boolean;
  kinds: string[];
  /** Conditions it breaks, already worded ("Restraining order – Not to contact me"). */
  conditions: string[];
  /** Versions shown, oldest first; the last is the current one. Empty when redacted. */
  versions: ChronologyVersion[];
  /** Earlier versions the pack holds only as hashes. */
  olderNotShown: number;
  redactedAt: string | null;
  files: ChronologyFile[];
  /** The chain events (seq) this entry is shown from. */
  events: number[];
}

export interface ChronologyModel {
  lang: string;
  dir: 'ltr' | 'rtl';
  exportedAt: string;
  appVersion: string;
  head: { seq: number; hash: string } | null;
  histories: boolean;
  eventsTotal: number;
  eventsOpened: number;
  entries: ChronologyEntry[];
}

export interface ChronologyText {
  /** Translates a key of the pack's chronology (and kind names) in the pack's language. */
  t: (key: string, vars?: Record<string, string | number>) => string;
  dateTime: (moment: string) => string;
  date: (isoDate: string) => string;
  size: (bytes: number) => string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** A CSS string literal: quotes, backslashes and anything outside printable ASCII escaped. */
function cssString(text: string): string {
  return `"${[...text].map((c) => (/[ -~]/.test(c) && c !== '"' && c !== '\\' && c !== '<' ? c : `\\${(c.codePointAt(0) ?? 0).toString(16)} `)).join('')}"`;
}

const css = (page: string, of: string) => `
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: ${cssString(page)} " " counter(page) " " ${cssString(of)} " " counter(pages); font: 9pt sans-serif; } }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Nastaliq Urdu", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 180mm; padding: 12px; }
h1 { font-size: 18pt; margin: 0 0 6px; }
h2 { font-size: 13pt; margin: 0 0 4px; }
h3 { font-size: 11pt; margin: 10px 0 4px; }
.notice { border: 2px solid #111; padding: 8px 10px; margin: 12px 0; }
.meta { color: #333; font-size: 9.5pt; }
.hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; direction: ltr; unicode-bidi: embed; }
.entry { border-top: 1px solid #999; padding: 10px 0; break-inside: avoid-page; }
.entry.redacted { color: #444; }
dl { margin: 4px 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
dt { font-weight: 600; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0; }
.version { border-inline-start: 3px solid #bbb; padding-inline-start: 8px; margin: 6px 0; }
.files { list-style: none; padding: 0; margin: 6px 0; }
.files li { display: flex; gap: 10px; align-items: flex-start; margin: 6px 0; break-inside: avoid; }
.files img { max-width: 120px; max-height: 120px; border: 1px solid #999; }
.placeholder { width: 120px; min-height: 40px; border: 1px dashed #999; font-size: 9pt; padding: 4px; flex: none; }
.print { font: inherit; padding: 8px 14px; margin: 8px 0; }
@media print { .no-print { display: none !important; } body { max-width: none; padding: 0; } }
`;

function field(label: string, value: string): string {
  return value.trim() ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : '';
}

function renderVersion(v: ChronologyVersion, text: ChronologyText, current: boolean): string {
  const { t } = text;
  const heading = t(current ? 'chronology.currentVersion' : 'chronology.version', { n: v.rev, when: text.dateTime(v.savedAt) });
  const police = v.police.told
    ? [t(`chronology.police.${v.police.told}`), v.police.on ? text.date(v.police.on) : '', v.police.reference, v.police.officer].filter((s) => s.trim()).join(' · ')
    : '';
  return `<div class="version"><h3>${escapeHtml(heading)}</h3>${v.reason.trim() ? `<p class="meta">${escapeHtml(t('chronology.reason', { reason: v.reason }))}</p>` : ''}
<p class="text">${escapeHtml(v.what.trim() || t('chronology.noText'))}</p>
<dl>${field(t('chronology.fields.where'), v.where)}${field(t('chronology.fields.witnesses'), v.witnesses)}${field(t('chronology.fields.injuries'), v.injuries)}${v.weapon ? field(t('chronology.fields.weapon'), t('chronology.yes')) : ''}${field(t('chronology.fields.impact'), v.impact)}${field(t('chronology.fields.police'), police)}</dl></div>`;
}

function renderFile(f: ChronologyFile, text: ChronologyText): string {
  const { t } = text;
  // Nothing of a left-out file but its name: not even its fingerprint, which the pack cannot prove.
  if (f.leftOut) return `<li><div><div><strong>${escapeHtml(f.name)}</strong></div><div class="meta">${escapeHtml(t('chronology.leftOut'))}</div></div></li>`;
  const preview = f.thumbnail
    ? `<img src="${escapeHtml(f.thumbnail)}" alt="${escapeHtml(t('chronology.thumbnailOf', { name: f.name }))}">`
    : `<div class="placeholder">${escapeHtml(t(f.video ? 'chronology.videoPlaceholder' : 'chronology.noPreview'))}</div>`;
  const copy = f.copy
    ? `<div class="meta">${escapeHtml(t('chronology.copyNote', { removed: f.copy.removed.map((r) => t(`findings.${r}`)).join(', ') }))}</div><div class="meta">${escapeHtml(t('chronology.copySha'))} <span class="hash">${f.copy.sha256}</span> (${escapeHtml(text.size(f.copy.size))})</div>`
    : '';
  return `<li>${preview}<div><div><strong>${escapeHtml(f.name)}</strong> — ${escapeHtml(text.size(f.size))} — ${escapeHtml(t(`sources.${f.source}`))}</div>
<div class="meta">${escapeHtml(t('chronology.sha'))} <span class="hash">${f.sha256}</span></div>
<div class="meta">${escapeHtml(t('chronology.inPack', { path: f.path }))}</div>${copy}</div></li>`;
}

function renderEntry(e: ChronologyEntry, n: number, text: ChronologyText): string {
  const { t } = text;
  const when = `${text.dateTime(e.at)}${e.until ? ` – ${text.dateTime(e.until)}` : ''}${e.approximate ? ` (${t('chronology.approximate')})` : ''}`;
  const events = `<p class="meta">${escapeHtml(t('chronology.events', { events: e.events.join(', ') }))}</p>`;
  if (e.redactedAt) {
    return `<section class="entry redacted" id="entry-${n}"><h2>${escapeHtml(t('chronology.entryHeading', { n, when }))}</h2><p>${escapeHtml(t('chronology.redacted', { when: text.dateTime(e.redactedAt) }))}</p>${events}</section>`;
  }
  const kinds = e.kinds.length ? field(t('chronology.fields.kinds'), e.kinds.join(', ')) : '';
  const conditions = e.conditions.length ? `<dt>${escapeHtml(t('chronology.fields.conditions'))}</dt><dd>${e.conditions.map(escapeHtml).join('<br>')}</dd>` : '';
  const older = e.olderNotShown ? `<p class="meta">${escapeHtml(t('chronology.olderNotShown', { count: e.olderNotShown }))}</p>` : '';
  const versions = e.versions.map((v, i) => renderVersion(v, text, i === e.versions.length - 1)).join('');
  const files = e.files.length ? `<h3>${escapeHtml(t('chronology.files'))}</h3><ul class="files">${e.files.map((f) => renderFile(f, text)).join('')}</ul>` : '';
  return `<section class="entry" id="entry-${n}"><h2>${escapeHtml(t('chronology.entryHeading', { n, when }))}</h2><dl>${kinds}${conditions}</dl>${older}${versions}${files}${events}</section>`;
}

/** The whole chronology.html. */
export function renderChronology(model: ChronologyModel, text: ChronologyText): string {
  const { t } = text;
  const head = model.head ? `${model.head.seq} · <span class="hash">${model.head.hash}</span>` : escapeHtml(t('chronology.noHead'));
  return `<!doctype html>
<html lang="${escapeHtml(model.lang)}" dir="${model.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(t('chronology.title'))}</title><style>${css(t('chronology.page'), t('chronology.of'))}</style></head>
<body>
<h1>${escapeHtml(t('chronology.title'))}</h1>
<p class="notice"><strong>${escapeHtml(t('chronology.disclosure'))}</strong></p>
<p>${escapeHtml(t('chronology.about'))}</p>
<p class="meta">${escapeHtml(t('chronology.exported', { when: text.dateTime(model.exportedAt), version: model.appVersion }))}</p>
<p class="meta">${escapeHtml(t('chronology.chainSummary', { total: model.eventsTotal, opened: model.eventsOpened }))} ${escapeHtml(t('chronology.head'))} ${head}</p>
<p class="meta">${escapeHtml(t(model.histories ? 'chronology.historiesIncluded' : 'chronology.historiesLatest'))}</p>
<p class="meta">${escapeHtml(t('chronology.howToVerify'))}</p>
<button type="button" class="print no-print" id="print">${escapeHtml(t('chronology.print'))}</button>
<p>${escapeHtml(t('chronology.count', { count: model.entries.length }))}</p>
${model.entries.map((e, i) => renderEntry(e, i + 1, text)).join('\n')}
<script>document.getElementById('print').addEventListener('click', function () { window.print(); });</script>
</body>
</html>
`;
}
