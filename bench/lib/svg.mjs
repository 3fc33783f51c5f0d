// A hand-written SVG of the two scaling curves, side by side: time against text length
// (log–log, with a line of slope 1 for reference) and extraction time against lexicon size
// (log x). No dependencies.

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceLogTicks(lo, hi) {
  const out = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    const v = 10 ** e;
    if (v >= lo / 1.0001 && v <= hi * 1.0001) out.push(v);
  }
  return out;
}

function linearTicks(lo, hi, n = 5) {
  const step0 = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(+v.toPrecision(6));
  return out;
}

/**
 * One panel: `series` = [{ label, points: [[x, y]], dashed? }] drawn in a box at (x0, y0) of
 * `w` × `h`; axes log or linear; `fmtX`/`fmtY` format tick labels; `xTicks` overrides the x ticks.
 */
function panel({ x0, y0, w, h, title, xLabel, yLabel, series, logX, logY, fmtX, fmtY, yMin, xTicks }) {
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]).filter((y) => !logY || y > 0);
  let [xlo, xhi] = [Math.min(...xs), Math.max(...xs)];
  let [ylo, yhi] = [Math.min(...ys), Math.max(...ys)];
  if (logY) [ylo, yhi] = [10 ** Math.floor(Math.log10(ylo)), 10 ** Math.ceil(Math.log10(yhi))];
  else [ylo, yhi] = [yMin ?? 0, yhi * 1.15];
  if (logX) [xlo, xhi] = [xlo / 1.3, xhi * 1.3];
  const L = 64, R = 12, T = 30, B = 46;
  const pw = w - L - R, ph = h - T - B;
  const sx = (x) => x0 + L + (logX ? (Math.log10(x) - Math.log10(xlo)) / (Math.log10(xhi) - Math.log10(xlo)) : (x - xlo) / (xhi - xlo)) * pw;
  const sy = (y) => y0 + T + ph - (logY ? (Math.log10(y) - Math.log10(ylo)) / (Math.log10(yhi) - Math.log10(ylo)) : (y - ylo) / (yhi - ylo)) * ph;
  const parts = [];
  parts.push(`<text x="${x0 + L}" y="${y0 + 18}" font-size="14" font-weight="bold">${esc(title)}</text>`);
  parts.push(`<rect x="${x0 + L}" y="${y0 + T}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  for (const t of xTicks ?? (logX ? niceLogTicks(xlo, xhi) : linearTicks(xlo, xhi))) {
    parts.push(`<line x1="${sx(t)}" y1="${y0 + T}" x2="${sx(t)}" y2="${y0 + T + ph}" stroke="#eee"/>`);
    parts.push(`<text x="${sx(t)}" y="${y0 + T + ph + 16}" font-size="11" text-anchor="middle">${esc(fmtX(t))}</text>`);
  }
  for (const t of logY ? niceLogTicks(ylo, yhi) : linearTicks(ylo, yhi)) {
    parts.push(`<line x1="${x0 + L}" y1="${sy(t)}" x2="${x0 + L + pw}" y2="${sy(t)}" stroke="#eee"/>`);
    parts.push(`<text x="${x0 + L - 6}" y="${sy(t) + 4}" font-size="11" text-anchor="end">${esc(fmtY(t))}</text>`);
  }
  parts.push(`<text x="${x0 + L + pw / 2}" y="${y0 + h - 8}" font-size="12" text-anchor="middle">${esc(xLabel)}</text>`);
  parts.push(`<text transform="translate(${x0 + 14},${y0 + T + ph / 2}) rotate(-90)" font-size="12" text-anchor="middle">${esc(yLabel)}</text>`);
  series.forEach((s, i) => {
    const colour = s.colour ?? COLOURS[i % COLOURS.length];
    const pts = s.points.filter((p) => !logY || p[1] > 0);
    const d = pts.map((p, j) => `${j ? 'L' : 'M'}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,4"' : ''}/>`);
    if (!s.dashed) for (const p of pts) parts.push(`<circle cx="${sx(p[0]).toFixed(1)}" cy="${sy(p[1]).toFixed(1)}" r="3" fill="${colour}"/>`);
    const ly = y0 + T + 14 + i * 15;
    parts.push(`<line x1="${x0 + L + 8}" y1="${ly - 4}" x2="${x0 + L + 26}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,4"' : ''}/>`);
    parts.push(`<text x="${x0 + L + 30}" y="${ly}" font-size="11">${esc(s.label)}</text>`);
  });
  return parts.join('\n');
}

/** The whole figure as an SVG string. */
export function scalingSvg({ textCurve, lexiconCurve, caption }) {
  const W = 1000, H = 430;
  const bytes = (b) => (b >= 2 ** 20 ? `${+(b / 2 ** 20).toPrecision(2)} MB` : `${Math.round(b / 2 ** 10)} KB`);
  const ms = (v) => (v >= 1 ? `${+v.toPrecision(3)}` : `${+v.toPrecision(1)}`);
  const count = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : `${n}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="white"/>
${panel({ x0: 0, y0: 0, w: W / 2, h: H - 24, title: 'Time against text length', xLabel: 'text (UTF-16 bytes, one call)', yLabel: 'milliseconds per call', series: textCurve, logX: true, logY: true, fmtX: bytes, fmtY: ms, xTicks: [2 ** 10, 10 * 2 ** 10, 100 * 2 ** 10, 2 ** 20, 10 * 2 ** 20].filter((b) => textCurve.some((s) => s.points.some((p) => p[0] >= b / 1.1))) })}
${panel({ x0: W / 2, y0: 0, w: W / 2, h: H - 24, title: 'Extraction time against lexicon size', xLabel: 'synthetic lexicon entries', yLabel: 'milliseconds per call', series: lexiconCurve, logX: true, logY: false, fmtX: count, fmtY: ms })}
<text x="10" y="${H - 8}" font-size="11" fill="#555">${esc(caption)}</text>
</svg>
`;
}
