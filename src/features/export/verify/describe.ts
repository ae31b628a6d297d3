// Plain-English sentences for the verifier's findings, for the command line (the app translates the
// same codes through i18next: locales/<lang>/pack.json, problems.<code>).
import type { PackProblem, PackReport } from './verifyPack';

export function describeProblem(problem: PackProblem): string {
  switch (problem.code) {
    case 'not_a_zip':
      return 'This file is not an evidence pack (it is not a zip file).';
    case 'zip_damaged':
      return problem.path ? `The zip is damaged at the file "${problem.path}": its bytes or headers were changed.` : 'The zip is damaged: its directory was changed.';
    case 'manifest_missing':
      return 'manifest.json is missing, so nothing in the pack can be checked.';
    case 'manifest_invalid':
      return 'manifest.json is not a valid pack manifest: it was changed or damaged.';
    case 'unsupported':
      return `This is a "${problem.format}" version ${problem.version} file, which this verifier does not know.`;
    case 'file_removed':
      return `File removed: "${problem.path}" is listed in the manifest but is not in the pack.`;
    case 'file_added':
      return `File added: "${problem.path}" is in the pack but not listed in the manifest.`;
    case 'file_changed':
      return `File changed: "${problem.path}" does not have the SHA-256 or size the manifest records.`;
    case 'file_not_in_chain':
      return `File not in the log: "${problem.path}" is not the file the log's chain records for it.`;
    case 'chain_order':
      return `Chain position ${problem.position} holds event ${problem.seq}: events were reordered, removed or inserted.`;
    case 'chain_broken':
      return `Chain position ${problem.position} (event ${problem.seq}) does not follow the event before it.`;
    case 'link_changed':
      return `Chain event ${problem.seq} (position ${problem.position}) was changed: its hash does not match.`;
    case 'content_changed':
      return `Chain event ${problem.seq} (position ${problem.position}${problem.entry ? `, entry ${problem.entry}` : ''}): its content was changed and no longer matches what the log recorded.`;
    case 'head_mismatch':
      return 'The chain does not end at the head the manifest records: events were added or removed at the end.';
    case 'entry_not_included':
      return `Entry ${problem.entry} is shown from chain event ${problem.seq}, which the pack does not include.`;
    case 'witness_invalid':
      return `Countersignature ${problem.index} is not valid: it was changed, or was never made by the key it names.`;
    case 'witness_mismatch':
      return `Countersignature ${problem.index} was made for a different log: this pack's chain event ${problem.seq} is not the one it signed.`;
  }
}

/** The whole report as lines of text. */
export function describeReport(report: PackReport): string[] {
  if (report.ok && report.summary) {
    const s = report.summary;
    return [
      'Intact: every file and every chain event checks out.',
      `Entries: ${s.entries}; files: ${s.files}; chain events: ${s.events} (${s.opened} included, ${s.events - s.opened} as hashes only).`,
      `Chain head: ${s.head ? `event ${s.head.seq}, ${s.head.hash}` : 'none'}. Exported ${s.exportedAt} by app version ${s.appVersion}.`,
      ...s.witnessed.map(
        (w) => `Witnessed: chain events 1 to ${w.seq} existed, unaltered, no later than ${new Date(w.receivedAt).toISOString()} (the relay's receipt time), countersigned at ${new Date(w.signedAt).toISOString()} by the device key with fingerprint ${w.key}.`,
      ),
    ];
  }
  return ['NOT INTACT:', ...report.problems.map((p) => `  - ${describeProblem(p)}`)];
}
