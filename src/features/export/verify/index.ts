// The pack verifier core (pure: no DOM, no storage). The app's "Check a pack" screen and the command
// line (bin/waymark-verify.mjs, built from this file by scripts/build-verify.mjs) both use it.
export { type ByteSource, ZipProblem, bytesSource } from './zip';
export { type PackProblem, type PackProblemCode, type PackReport, type PackSummary, type VerifyOptions, verifyPack } from './verifyPack';
export { describeProblem, describeReport, printable } from './describe';
