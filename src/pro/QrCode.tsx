// A QR code drawn as one SVG path, made on the device (the `qrcode` package's encoder; no network,
// no inline style, so the CSP stays strict). Dark modules on white with the standard 4-module quiet zone.
import { create } from 'qrcode/lib/core/qrcode.js';
import { useMemo } from 'preact/hooks';

const QUIET = 4;

/** The SVG path and side length (in modules, quiet zone included) of `text` as a QR code. */
export function qrPath(text: string): { d: string; size: number } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let d = '';
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) d += `M${column + QUIET} ${row + QUIET}h1v1h-1z`;
    }
  }
  return { d, size: modules.size + 2 * QUIET };
}

export interface QrCodeProps {
  text: string;
  /** What a screen reader says for the image. */
  label: string;
}

/** An invitation's QR code as an accessible image. */
export function QrCode({ text, label }: QrCodeProps) {
  const { d, size } = useMemo(() => qrPath(text), [text]);
  // data-qr holds the encoded text, so a test (or a copy tool) reads what the image says without a camera.
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shape-rendering="crispEdges" data-qr={text}>
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
