// The QR code of the MAX deep link: loaded only when a pending MAX step carries a link, so that
// no other screen downloads the encoder. lean-qr/nano (about 1.5 kB gzip, no dependencies)
// gives the modules; the SVG is a Lit template with one path, so nothing writes a `style`
// attribute or HTML (strict CSP, Trusted Types).
import { svg, type SVGTemplateResult } from 'lit';
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

/** The code as the contents of an `<svg>` whose viewBox is `qrViewBox(size)`: a light plate, dark modules. */
export function qrShapes(text: string): { viewBox: string; shapes: SVGTemplateResult } {
  const { size, d } = qrPath(text);
  const full = size + 2 * QUIET;
  return {
    viewBox: `${-QUIET} ${-QUIET} ${full} ${full}`,
    shapes: svg`<rect class="qr-plate" x=${-QUIET} y=${-QUIET} width=${full} height=${full}></rect><path class="qr-modules" d=${d}></path>`,
  };
}
