// Why a pack could not be made: a named error the pack flow translates (locales pack.json,
// problems.<code>). In a file of its own so the zip writer can throw it without importing the log.

/** A pack that cannot be made, and why. */
export class PackExportProblem extends Error {
  constructor(readonly code: 'empty' | 'log_damaged' | 'attachment_damaged' | 'too_large') {
    super(code);
    this.name = 'PackExportProblem';
  }
}
