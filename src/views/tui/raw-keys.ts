/**
 * Put the terminal in raw mode before Ink's first frame. Ink turns raw mode on
 * from an effect that runs after the first frame is drawn: a key pressed in
 * between (the list is on screen, the user presses j at once) would meet a
 * cooked terminal, be echoed onto the frame and wait in the line buffer. In raw
 * mode it waits unechoed, and Ink reads it as soon as it listens. Ink's unmount
 * turns raw mode off again (its count starts from its own first request).
 */
export function rawKeysBeforeFirstFrame(): void {
  const stdin = process.stdin;
  if (stdin.isTTY && !stdin.isRaw) stdin.setRawMode(true);
}
