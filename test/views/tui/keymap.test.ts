// The key table: every documented key reaches its action, Ctrl-C beats 'c', each action has exactly one binding,
// and Ink's (input, key) pairs become one press per key, several keys in one chunk included.
import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { type BarInput, keyBar } from "../../../src/views/tui/key-bar.js";
import { type Action, bindingFor, KEYMAP, keyPresses } from "../../../src/views/tui/keymap.js";
import { lineText } from "../../../src/views/tui/line.js";

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
    case "[":
    case "]":
    case "{":
    case "}":
      return [[token, key()]];
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
  "jumpBack",
  "jumpForward",
  "taskBack",
  "taskForward",
  "faster",
  "slower",
  "restart",
  "more",
  "language",
  "code",
  "help",
  "quit",
  "interrupt",
];

/** The binding Ink's (input, key) reaches: it must be exactly one press. */
function bound(input: string, k: Key) {
  const presses = keyPresses(input, k);
  expect(presses).toHaveLength(1);
  return bindingFor(presses[0]!);
}

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
          expect(bound(input, k)?.action, `key ${token} (${JSON.stringify(input)})`).toBe(binding.action);
          // No other binding claims the key either (the table has no hidden overlaps).
          const press = keyPresses(input, k)[0]!;
          const claimants = KEYMAP.filter((b) => b.matches(press)).map((b) => b.action);
          expect(claimants, `key ${token}`).toEqual([binding.action]);
        }
      }
    });
  }

  it("Ctrl-C wins over 'c' (it arrives as input 'c' with ctrl)", () => {
    expect(bound("c", key({ ctrl: true }))?.action).toBe("interrupt");
    expect(bound("c", key())?.action).toBe("cancel");
  });

  it("the aliases the table accepts: Esc quits, h helps, = and _ change speed, j/k move", () => {
    expect(bound("", key({ escape: true }))?.action).toBe("quit");
    expect(bound("h", key())?.action).toBe("help");
    expect(bound("=", key())?.action).toBe("faster");
    expect(bound("_", key())?.action).toBe("slower");
    expect(bound("j", key())?.action).toBe("down");
    expect(bound("k", key())?.action).toBe("up");
  });

  it("unbound keys map to nothing", () => {
    for (const input of ["z", "0", "Q", "w"]) expect(bound(input, key())).toBeUndefined();
    expect(bound("", key({ pageDown: true }))).toBeUndefined();
    expect(bound("x", key({ ctrl: true }))).toBeUndefined();
  });

  it("keys that arrive in one chunk become one press each, in order", () => {
    expect(keyPresses("jc", key()).map((p) => bindingFor(p)?.action)).toEqual(["down", "cancel"]);
    expect(keyPresses("\u0003\u0003", key()).map((p) => bindingFor(p)?.action)).toEqual(["interrupt", "interrupt"]);
    expect(keyPresses("q\r", key()).map((p) => bindingFor(p)?.action)).toEqual(["quit", "cancel"]);
  });
});

describe("key bar", () => {
  const bar = (change: Partial<BarInput> = {}, width = 79) =>
    lineText(
      keyBar(
        {
          mode: "live",
          paused: false,
          status: null,
          codeBeside: false,
          againStatus: 130,
          ...change,
        },
        width,
      ),
    );

  it("at 80 columns it keeps the ways out at its end, and marks what it left out with …", () => {
    const line = bar();
    expect(line.length).toBeLessThanOrEqual(79);
    expect(line.endsWith("? help · q quit · Ctrl-C")).toBe(true);
    expect(line).toContain("c cancel");
    expect(line).toContain("space pause");
    expect(line).toContain("… · ? help");
  });

  it("p is offered only when the code exists in both languages", () => {
    expect(bar({}, 400)).toContain("p Python/TS");
    expect(bar({ bothLanguages: false }, 400)).not.toContain("p Python/TS");
  });

  it("every key it names is bound", () => {
    const wide = bar({}, 400);
    expect(wide).not.toContain("…");
    expect(wide).toContain("v code");
    expect(wide).toContain("p Python/TS");
    const press = (token: string): { input: string; name?: string; ctrl?: boolean } =>
      token === "space"
        ? { input: " " }
        : token === "Ctrl-C"
          ? { input: "", name: "c", ctrl: true }
          : token === "↑"
            ? { input: "", name: "up" }
            : token === "↓"
              ? { input: "", name: "down" }
              : { input: token };
    for (const item of wide.split(" · ")) {
      const keys = item.split(" ")[0]!;
      const tokens =
        keys === "↑↓"
          ? ["↑", "↓"]
          : keys === "1-9"
            ? ["1", "9"]
            : keys === "["
              ? ["[", "]"]
              : keys.includes("/")
                ? keys.split("/")
                : [keys];
      for (const token of tokens) expect(bindingFor(press(token)), `${token} in '${item}'`).toBeDefined();
    }
  });

  it("says what a second Ctrl-C does while the cleanup runs, and the status q leaves with after the end", () => {
    expect(bar({ mode: "interrupted" })).toContain("Ctrl-C again: exit at once (status 130)");
    expect(bar({ mode: "interrupted", againStatus: 143 })).toContain("(status 143)");
    const finished = bar({ mode: "finished", status: 0 });
    expect(finished.endsWith("? help · q quit (status 0)")).toBe(true);
    expect(finished).not.toContain("Ctrl-C");
    expect(finished).not.toContain("space");
    expect(bar({ mode: "finished", status: 1, summaryKey: "more" })).toContain("m more");
    expect(bar({ mode: "finished", status: 1, summaryKey: "log" })).toContain("m log");
    expect(bar({ mode: "finished", status: 1, summaryKey: "summary" })).toContain("m summary");
  });

  it("the code pane beside the log: no v (it does nothing then)", () => {
    expect(bar({ codeBeside: true }, 400)).not.toContain("v code");
  });

  it("in a 30-column terminal the ways out still show, shortened if they must", () => {
    expect(bar({}, 29)).toBe("… · ? help · q quit · Ctrl-C");
    expect(bar({ mode: "finished", status: 130 }, 29)).toBe("… · ? help · q quit (130)");
    expect(bar({ mode: "finished", status: 130 }, 20)).toBe("… · q quit (130)");
  });
});
