// features/link — the survivor's side of linking an advocate (issue 6 items 2–3, DESIGN §4 "Device
// keys and sharing"): the code or QR text and her PIN again, her device identity (made once, kept
// only inside a vault record), a per-case mailbox key, the invite consumed, the advocate's intro
// verified, her signed join with the case key wrapped to the advocate, the safety number, and what
// the home screen shows ("Shared with <label> since <date>", Unlink in one step).
//
// Exports: LinkScreen (the flow) and LinkHomeStatus (the home screen's part); both are loaded lazily.
// Imports: platform/* and shared/* through their index (shared/protocol/link for the formats), and the
// settings (syncAllowed, slot roles) and secrets (PIN field, error words) features through theirs.
// Relay calls are signed fetch to her own origin (relayPort.ts), a stand-in for platform/relay.
export { LinkHomeStatus } from './LinkHomeStatus';
export { LinkScreen, type LinkScreenProps } from './LinkScreen';
