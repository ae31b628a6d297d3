// Plain-English sentences for the verifier's findings, for the command line (the app translates the
// same codes through i18next: locales/<lang>/pack.json, verify.problems.<code>).
//
// Everything taken from the pack (file names, entry ids, the manifest's format, times and version)
// passes through `printable` first: a hostile pack must not be able to move a terminal's cursor,
// erase what was printed, or reorder it with bidirectional controls — say, to print its own "Intact".
import type { PackProblem, PackReport } from './verifyPack';

// Control characters (C0, DEL, C1) and the bidirectional embedding, override and isolate controls.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a pack, safe to print to a terminal: control and bidi characters shown as \uXXXX. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A time in ms as ISO 8601; a value outside Date's range (a hostile countersignature) as the number. */
function iso(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/** One finding as a sentence (pack text made printable). */
export function describeProblem(problem: PackProblem): string {
  switch (problem.code) {
    case 'not_a_zip':
      return 'This file is not an evidence pack (it is not a zip file).';
    case 'zip_damaged':
      return problem.path ? `The zip is damaged at the file "${printable(problem.path)}": its bytes or headers were changed.` : 'The zip is damaged: its directory was changed.';
    case 'manifest_missing':
      return 'manifest.json is missing, so nothing in the pack can be checked.';
    case 'manifest_invalid':
      return 'manifest.json is not a valid pack manifest: it was changed or damaged.';
    case 'unsupported':
      return `This is a "${printable(problem.format)}" version ${problem.version} file, which this verifier does not know.`;
    case 'file_removed':
      return `File removed: "${printable(problem.path)}" is listed in the manifest but is not in the pack.`;
    case 'file_added':
      return `File added: "${printable(problem.path)}" is in the pack but not listed in the manifest.`;
    case 'file_changed':
      return `File changed: "${printable(problem.path)}" does not have the SHA-256 or size the manifest records.`;
    case 'file_not_in_chain':
      return `File not in the log: "${printable(problem.path)}" is not the file the log's chain records for it.`;
    case 'chain_order':
      return `Chain position ${problem.position} holds event ${problem.seq}: events were reordered, removed or inserted.`;
    case 'chain_broken':
      return `Chain position ${problem.position} (event ${problem.seq}) does not follow the event before it.`;
    case 'link_changed':
      return `Chain event ${problem.seq} (position ${problem.position}) was changed: its hash does not match.`;
    case 'content_changed':
      return `Chain event ${problem.seq} (position ${problem.position}${problem.entry ? `, entry ${printable(problem.entry)}` : ''}): its content was changed and no longer matches what the log recorded.`;
    case 'head_mismatch':
      return 'The chain does not end at the head the manifest records: events were added or removed at the end.';
    case 'entry_not_included':
      return `Entry ${printable(problem.entry)} is shown from chain event ${problem.seq}, which the pack does not include.`;
    case 'attachment_missing':
      return `File missing: entry ${printable(problem.entry)} shows the attachment of chain event ${problem.seq}, but the pack has no file for it.`;
    case 'attachment_duplicated':
      return `Attachment of chain event ${problem.seq} (entry ${printable(problem.entry)}) is in the pack as more than one file.`;
    case 'entry_latest_hidden':
      return `Entry ${printable(problem.entry)} is shown without its latest version: chain event ${problem.seq} is left out.`;
    case 'entry_history_hidden':
      return `Entry ${printable(problem.entry)} is shown without one of its versions although the pack says it includes every version: chain event ${problem.seq} is left out.`;
    case 'chronology_missing':
      return 'chronology.html is missing from the manifest, so the chronology cannot be checked.';
    case 'chronology_extra':
      return `The manifest lists "${printable(problem.path)}" as a second chronology: a pack has exactly one, chronology.html.`;
    case 'witness_invalid':
      return `Countersignature ${problem.index} is not valid: it was changed, or was never made by the key it names.`;
    case 'witness_mismatch':
      return `Countersignature ${problem.index} was made for a different log: this pack's chain event ${problem.seq} is not the one it signed.`;
  }
}

/** The whole report as lines of text, safe to print. */
export function describeReport(report: PackReport): string[] {
  if (report.ok && report.summary) {
    const s = report.summary;
    return [
      'Internally consistent: every file and log event matches the manifest and the chain.',
      `Entries: ${s.entries}; files: ${s.files}; chain events: ${s.events} (${s.opened} included, ${s.events - s.opened} as hashes only).`,
      ...(s.uncheckedCopies > 0
        ? [`Copies not checkable against the log: ${s.uncheckedCopies}. The manifest says which original each copy without metadata came from, but the log records only the original's fingerprint, so nothing here proves the copy's contents.`]
        : []),
      `Chain head: ${s.head ? `event ${s.head.seq}, ${s.head.hash}` : 'none'}. Exported ${printable(s.exportedAt)} by app version ${printable(s.appVersion)}.`,
      ...(s.witnessed.length === 0
        ? ["Not anchored: anyone can recompute a whole chain. Compare the last log event's fingerprint with one recorded independently (for example by the advocate's app)."]
        : s.witnessed.map(
            (w) =>
              `If the key with fingerprint ${w.key} is your advocate's device, log events 1 to ${w.seq} existed, unaltered, no later than ${iso(w.receivedAt)} (the relay's receipt time; countersigned at ${iso(w.signedAt)}).`,
          )),
    ];
  }
  return ['NOT INTACT:', ...report.problems.map((p) => `  - ${describeProblem(p)}`)];
}
