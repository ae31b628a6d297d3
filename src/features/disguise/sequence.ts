// The set-up sequence: typed on the calculator and followed by `=`, it starts set-up on a phone where
// no vault exists. It is public (README, leaflets, the officer's sheet), so on a phone that has been
// set up it must do nothing but what a calculator does: show that you cannot divide by zero.
export const SETUP_SEQUENCE = '1793÷0';
