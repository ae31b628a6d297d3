// The one part of the `qrcode` package the advocate app uses: its encoder core, without renderers
// (the package's own types pull in Node's, which the browser build must not see).
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrSymbol {
    modules: { size: number; get(row: number, column: number): boolean | number };
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QrSymbol;
}
