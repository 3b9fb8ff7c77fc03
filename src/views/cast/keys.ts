/** A key as the terminal sends it, named for a cast's marker: `c`, `space`, `→`, `Ctrl-C`. */
const NAMES: Record<string, string> = {
  "\u001b[A": "↑",
  "\u001b[B": "↓",
  "\u001b[C": "→",
  "\u001b[D": "←",
  "\u001bOA": "↑",
  "\u001bOB": "↓",
  "\u001bOC": "→",
  "\u001bOD": "←",
  "\r": "Enter",
  "\n": "Enter",
  " ": "space",
  "\u0003": "Ctrl-C",
  "\u001b": "Esc",
  "\u007f": "Backspace",
  "\t": "Tab",
};

/** What follows ESC in an arrow or function key: `[A`, `OD`, `[1;5C`, `[15~`. */
const CSI = /^(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/;

/** The keys in one chunk of terminal input (several can arrive together). */
export function keyNames(chunk: string): string[] {
  const names: string[] = [];
  let rest = chunk;
  while (rest.length > 0) {
    const sequence = rest.startsWith("\u001b") ? CSI.exec(rest.slice(1))?.[0] : undefined;
    const key = sequence === undefined ? ([...rest][0] ?? "") : `\u001b${sequence}`;
    rest = rest.slice(key.length);
    const code = key.codePointAt(0) ?? 0;
    names.push(NAMES[key] ?? (code < 32 ? `Ctrl-${String.fromCharCode(code + 64)}` : key));
  }
  return names;
}
