// What can stop linking on her side, by name (the code and relay errors have their own classes).
export type LinkFlowErrorCode =
  /** This vault may not copy anything off the phone (a duress vault). */
  | 'not_allowed'
  /** The relay opened another mailbox than the QR names: the QR or the relay is not to be trusted. */
  | 'mailbox_mismatch'
  /** She stopped waiting. */
  | 'aborted';

export class LinkFlowError extends Error {
  readonly code: LinkFlowErrorCode;
  constructor(code: LinkFlowErrorCode, message: string = code) {
    super(message);
    this.name = 'LinkFlowError';
    this.code = code;
  }
}
