// The QR code of the MAX deep link: loaded only when a pending MAX step carries a link, so that
// no other screen downloads the encoder. lean-qr/nano (no dependencies) gives the modules; the
// step draws them as one SVG path in a Lit template, so nothing writes a `style` attribute or
// HTML (strict CSP, Trusted Types). No Lit import here: a lazy chunk that shares no module with
// the element's bundle does not split that bundle into more files.
import { correction, generate } from 'lean-qr/nano';

/** The quiet zone the QR specification asks for, in modules. */
const QUIET = 4;

/** The dark modules of a QR code as one SVG path, one unit per module, runs merged per row. */
export function qrPath(text: string): { size: number; d: string } {
  const code = generate(text, { minCorrectionLevel: correction.M });
  let d = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; ) {
      if (!code.get(x, y)) {
        x++;
        continue;
      }
      let run = 1;
      while (code.get(x + run, y)) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return { size: code.size, d };
}

/** The path and the viewBox that frames it with the quiet zone. */
export function qrCode(text: string): { viewBox: string; d: string; full: number } {
  const { size, d } = qrPath(text);
  const full = size + 2 * QUIET;
  return { viewBox: `${-QUIET} ${-QUIET} ${full} ${full}`, d, full };
}
