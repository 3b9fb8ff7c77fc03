// The key table: every documented key reaches its action, Ctrl-C beats 'c', each action has exactly one binding.
import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { type Action, bindingFor, FOOTER, KEYMAP } from "../../../src/views/tui/keymap.js";

function key(change: Partial<Key> = {}): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
    ...change,
  };
}

/** What Ink's useInput hands over for each token of a binding's `keys` text. */
function presses(token: string): [string, Key][] {
  switch (token) {
    case "↑":
      return [["", key({ upArrow: true })]];
    case "↓":
      return [["", key({ downArrow: true })]];
    case "←":
      return [["", key({ leftArrow: true })]];
    case "→":
      return [["", key({ rightArrow: true })]];
    case "⏎":
      return [["\r", key({ return: true })]];
    case "space":
      return [[" ", key()]];
    case "Ctrl-C":
      return [["c", key({ ctrl: true })]];
    case "1–9":
      return "123456789".split("").map((d) => [d, key()]);
    default:
      if ([...token].length !== 1) throw new Error(`unknown key token '${token}'`);
      return [[token, key()]];
  }
}

const ACTIONS: Action[] = [
  "up",
  "down",
  "cancel",
  "cancelNumber",
  "cancelAll",
  "inject",
  "pause",
  "step",
  "back",
  "faster",
  "slower",
  "restart",
  "language",
  "code",
  "help",
  "quit",
  "interrupt",
];

describe("keymap", () => {
  it("every action has exactly one binding", () => {
    const actions = KEYMAP.map((b) => b.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect([...actions].sort()).toEqual([...ACTIONS].sort());
  });

  for (const binding of KEYMAP) {
    it(`bindingFor maps every key of '${binding.action}' (${binding.keys}) to it, and to nothing else`, () => {
      for (const token of binding.keys.split(" ")) {
        for (const [input, k] of presses(token)) {
          expect(bindingFor(input, k)?.action, `key ${token} (${JSON.stringify(input)})`).toBe(binding.action);
          // No other binding claims the key either (the table has no hidden overlaps).
          const claimants = KEYMAP.filter((b) => b.matches(input, k)).map((b) => b.action);
          expect(claimants, `key ${token}`).toEqual([binding.action]);
        }
      }
    });
  }

  it("Ctrl-C wins over 'c' (it arrives as input 'c' with ctrl)", () => {
    expect(bindingFor("c", key({ ctrl: true }))?.action).toBe("interrupt");
    expect(bindingFor("c", key())?.action).toBe("cancel");
  });

  it("the aliases the table accepts: Esc quits, h helps, = and _ change speed, j/k move", () => {
    expect(bindingFor("", key({ escape: true }))?.action).toBe("quit");
    expect(bindingFor("h", key())?.action).toBe("help");
    expect(bindingFor("=", key())?.action).toBe("faster");
    expect(bindingFor("_", key())?.action).toBe("slower");
    expect(bindingFor("j", key())?.action).toBe("down");
    expect(bindingFor("k", key())?.action).toBe("up");
  });

  it("unbound keys map to nothing", () => {
    for (const input of ["z", "0", "Q", "\t", "w"]) expect(bindingFor(input, key())).toBeUndefined();
    expect(bindingFor("", key({ pageDown: true }))).toBeUndefined();
  });

  it("every key the footer names is bound", () => {
    for (const [input, k] of [
      ["", key({ upArrow: true })],
      ["", key({ downArrow: true })],
      ["c", key()],
      ["1", key()],
      ["9", key()],
      ["a", key()],
      ["x", key()],
      [" ", key()],
      ["n", key()],
      ["b", key()],
      ["+", key()],
      ["-", key()],
      ["r", key()],
      ["?", key()],
      ["q", key()],
    ] as [string, Key][]) {
      expect(bindingFor(input, k), JSON.stringify(input)).toBeDefined();
    }
    expect(FOOTER).toContain("q quit");
  });
});
