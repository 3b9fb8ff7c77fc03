// An asciicast (v2) as one animated SVG for the README: the recording is
// played into a headless terminal (@xterm/headless) and the screen is taken
// after each output event; each distinct screen becomes a frame, and a CSS
// animation shows the frames in turn with the recording's timings. Key markers
// show as a key cap in the corner for a moment, so a reader sees what was
// pressed. Lines repeated across frames are defined once and reused.
import xterm from "@xterm/headless";

const { Terminal } = xterm;

/** Colours: the terminal's 16, tuned to read on GitHub's light and dark pages alike (a dark screen). */
const PALETTE = [
  "#1e293b", "#f87171", "#4ade80", "#fbbf24", "#60a5fa", "#e879f9", "#22d3ee", "#e5e7eb",
  "#64748b", "#fca5a5", "#86efac", "#fde68a", "#93c5fd", "#f0abfc", "#67e8f9", "#ffffff",
];
const BACKGROUND = "#0f172a";
const FOREGROUND = "#e5e7eb";
const CELL_W = 8.4;
const CELL_H = 17;
const FONT = 14;
const PAD = 12;
const HOLD_LAST = 4;
const MAX_GAP = 2.5;
const BADGE_SECONDS = 1.4;
const BAND = 28;

const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (n) => (Math.round(n * 100) / 100).toString();

function parseCast(text) {
  const [head, ...rest] = text.trim().split("\n");
  return { header: JSON.parse(head), events: rest.filter((l) => l.trim() !== "").map((l) => JSON.parse(l)) };
}

function write(term, data) {
  return new Promise((resolve) => term.write(data, resolve));
}

/** The screen as rows of runs {text, cells, fg, bold, dim}. */
function screen(term) {
  const buffer = term.buffer.active;
  const rows = [];
  const cell = buffer.getNullCell();
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    const runs = [];
    if (line) {
      for (let x = 0; x < term.cols; x++) {
        line.getCell(x, cell);
        const width = cell.getWidth();
        if (width === 0) continue;
        const chars = cell.getChars() || " ";
        const inverse = cell.isInverse() !== 0;
        let fg = cell.isFgPalette() ? PALETTE[cell.getFgColor() % 16] : cell.isFgRGB() ? `#${cell.getFgColor().toString(16).padStart(6, "0")}` : FOREGROUND;
        let bg = cell.isBgPalette() ? PALETTE[cell.getBgColor() % 16] : null;
        if (inverse) [fg, bg] = [bg ?? BACKGROUND, fg];
        const style = { fg, bg, bold: cell.isBold() !== 0, dim: cell.isDim() !== 0 };
        const ascii = chars.charCodeAt(0) < 128;
        const last = runs[runs.length - 1];
        if (last && last.ascii === ascii && last.fg === style.fg && last.bg === style.bg && last.bold === style.bold && last.dim === style.dim) {
          last.text += chars;
          last.cells += width;
        } else runs.push({ x, text: chars, cells: width, ascii, ...style });
      }
    }
    rows.push(runs);
  }
  return rows;
}

function lineSvg(runs) {
  let backs = "";
  let text = "";
  for (const run of runs) {
    const x = fmt(run.x * CELL_W);
    if (run.bg) backs += `<rect x="${x}" y="${4 - CELL_H}" width="${fmt(run.cells * CELL_W)}" height="${CELL_H}" fill="${run.bg}"/>`;
    if (run.text.trim() === "") continue;
    const attrs = [`x="${x}"`];
    if (run.fg !== FOREGROUND) attrs.push(`fill="${run.fg}"`);
    if (run.bold) attrs.push(`font-weight="bold"`);
    if (run.dim) attrs.push(`opacity="0.65"`);
    // Symbols and box drawing come from whatever font has them: pin them to their cells.
    if (!run.ascii) attrs.push(`textLength="${fmt(run.cells * CELL_W)}" lengthAdjust="spacingAndGlyphs"`);
    text += `<tspan ${attrs.join(" ")}>${esc(run.text)}</tspan>`;
  }
  return `${backs}<text>${text}</text>`;
}

/** The SVG for `castText`; `title` is the picture's accessible name, `caption` the line under the screen. */
export async function castToSvg(castText, { title, caption = "" }) {
  const { header, events } = parseCast(castText);
  const cols = header.width;
  const rows = header.height;
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0, convertEol: true });
  const frames = [];
  const markers = [];
  let clock = 0;
  let previous = 0;
  for (const [time, code, data] of events) {
    // Long waits shrink (as asciinema's idle limit does): the picture keeps moving.
    clock += Math.min(MAX_GAP, Math.max(0, time - previous));
    previous = time;
    if (code === "m") markers.push({ time: clock, label: data });
    if (code === "r") {
      const [c, r] = data.split("x").map(Number);
      term.resize(c, r);
    }
    if (code !== "o") continue;
    await write(term, data);
    const rowsNow = screen(term);
    const key = JSON.stringify(rowsNow);
    if (frames.length > 0 && frames[frames.length - 1].key === key) continue;
    frames.push({ time: clock, rows: rowsNow, key });
  }
  term.dispose();
  if (frames.length === 0) throw new Error("the cast has no output");

  const lines = new Map();
  const lineId = (runs) => {
    const svg = lineSvg(runs);
    if (!lines.has(svg)) lines.set(svg, `l${lines.size}`);
    return lines.get(svg);
  };
  const width = cols * CELL_W + PAD * 2;
  const screenHeight = rows * CELL_H + PAD * 2;
  // Under the screen, a band with the command and, when one is pressed, the key: nothing on screen is hidden.
  const height = screenHeight + BAND;
  const total = frames[frames.length - 1].time + HOLD_LAST;
  const strip = frames.map((frame, i) => {
    const uses = frame.rows
      .map((runs, y) => (runs.some((r) => r.text.trim() !== "" || r.bg) ? `<use href="#${lineId(runs)}" y="${fmt((y + 1) * CELL_H - 4)}"/>` : ""))
      .join("");
    const end = frames[i + 1]?.time ?? total;
    const badge = markers.filter((m) => m.time < end && m.time + BADGE_SECONDS > frame.time).map((m) => m.label).at(-1);
    const capWidth = (badge?.length ?? 0) * CELL_W + 4 * CELL_W + 20;
    const cap =
      badge === undefined
        ? ""
        : `<g transform="translate(${fmt(width - PAD - capWidth)} ${fmt(screenHeight + 2)})"><rect width="${fmt(capWidth)}" height="24" rx="6" fill="#fbbf24"/><text x="10" y="17" fill="#0f172a" font-weight="bold">key ${esc(badge)}</text></g>`;
    return `<g transform="translate(${fmt(i * width)} 0)"><svg x="${PAD}" y="${PAD}" width="${fmt(cols * CELL_W)}" height="${fmt(rows * CELL_H)}">${uses}</svg>${cap}</g>`;
  });
  const keyframes = frames
    .map((frame, i) => `${fmt((frame.time / total) * 100)}%{transform:translateX(${fmt(-i * width)}px)}`)
    .join("");
  const defs = [...lines].map(([svg, id]) => `<g id="${id}">${svg}</g>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title>
<style>text{font-family:"DejaVu Sans Mono",Menlo,Consolas,"Liberation Mono",monospace;font-size:${FONT}px;fill:${FOREGROUND};white-space:pre}.s{animation:play ${fmt(total)}s steps(1,end) infinite}@keyframes play{${keyframes}100%{transform:translateX(${fmt(-(frames.length - 1) * width)}px)}}@media (prefers-reduced-motion:reduce){.s{animation:none;transform:translateX(${fmt(-(frames.length - 1) * width)}px)}}</style>
<rect width="100%" height="100%" rx="8" fill="${BACKGROUND}"/>
<rect y="${fmt(screenHeight)}" width="100%" height="${BAND}" fill="#1e293b"/>
<text x="${PAD}" y="${fmt(screenHeight + 19)}" fill="#94a3b8">${esc(caption)}</text>
<defs>${defs}</defs>
<svg width="${fmt(width)}" height="${fmt(height)}"><g class="s">${strip.join("")}</g></svg>
</svg>
`;
}
