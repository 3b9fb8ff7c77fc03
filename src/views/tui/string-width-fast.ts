/**
 * string-width with a fast path. The bundle uses it wherever "string-width"
 * is imported, Ink included (a plugin in scripts/build.mjs resolves the name
 * to this file, except from this file itself).
 *
 * Why: string-width tests every grapheme that is not ASCII against
 * /^\p{RGI_Emoji}$/v, and V8 takes about 80 ms to compile that regular
 * expression — on the main thread, inside the first frame, as soon as any
 * glyph (◷, ─, ✔) is measured. Most of what a frame holds is text whose width
 * is simply its East Asian Width, one code point at a time: no emoji
 * sequences, no combining or invisible marks, no Hangul jamo, no half- or
 * full-width forms. Those strings are measured here from the same East Asian
 * Width table string-width uses; anything else goes to string-width itself.
 * The results are the same (test/views/tui/string-width-fast.test.ts compares
 * them for every code point, and for sequences).
 */
import { eastAsianWidth } from "get-east-asian-width";
import stringWidthFull from "string-width";

/**
 * What makes string-width look past a code point's own East Asian Width:
 * marks (an emoji's variation selector, a keycap, combining accents), format
 * and invisible characters (the zero-width joiner of emoji sequences, tags),
 * controls, lone surrogates, skin-tone modifiers, regional indicators (flags),
 * Hangul jamo, half- and full-width forms. A lone emoji needs no exception:
 * those drawn as emoji by default are East Asian Wide, two cells either way.
 */
const SPECIAL =
  /[\p{M}\p{Cf}\p{Cc}\p{Cs}\p{Default_Ignorable_Code_Point}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uff00-\uffef\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}]/u;
const ASCII = /^[\x20-\x7e]*$/;

export interface Options {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

export default function stringWidth(input: string, options: Options = {}): number {
  if (typeof input !== "string" || input.length === 0) return 0;
  if (ASCII.test(input)) return input.length;
  // ANSI codes (ESC, CSI) are controls: string-width strips or counts them.
  if (SPECIAL.test(input)) return stringWidthFull(input, options);
  const wide = { ambiguousAsWide: options.ambiguousIsNarrow === false };
  let width = 0;
  for (const character of input) width += eastAsianWidth(character.codePointAt(0) as number, wide);
  return width;
}
