/**
 * Where answers come from without a dashboard: `--answers 2,1,3` (tests, an
 * instructor preparing a class) or lines typed on stdin. When the answers run
 * out (the list is shorter than the questions, or stdin ends) the remaining
 * questions get no answer: the lesson goes on and the score says so.
 */
import { createInterface, type Interface } from "node:readline";
import { UsageError } from "../session/usage-error.js";

/** A source of answers: the chosen number (1-based) for a question with `choices` choices, or null. */
export interface AnswerSource {
  next(choices: number): Promise<number | null>;
  /** Whether the answer should be echoed after the prompt (it was not typed on a terminal). */
  readonly echo: boolean;
  close(): void;
}

/** `2,1,3` → [2, 1, 3]; each a choice number 1–4. */
export function parseAnswers(text: string): number[] {
  const parts = text.split(",").map((p) => p.trim());
  return parts.map((part) => {
    if (!/^[1-4]$/.test(part)) {
      throw new UsageError(`--answers takes choice numbers 1–4 separated by commas (e.g. 2,1,3), got '${text}'`);
    }
    return Number(part);
  });
}

/** Answers given up front. A number beyond a question's choices counts as no answer. */
export function listAnswers(list: readonly number[]): AnswerSource {
  let i = 0;
  return {
    echo: true,
    async next(choices) {
      const answer = list[i++];
      return answer === undefined || answer > choices ? null : answer;
    },
    close() {},
  };
}

/**
 * Answers typed as lines on `input`. A line that is not a choice number asks again (through `retry`);
 * the end of input means no more answers.
 */
export function lineAnswers(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  retry: (choices: number) => void,
): AnswerSource {
  const lines: string[] = [];
  let ended = false;
  let waiting: (() => void) | undefined;
  const rl: Interface = createInterface({ input, terminal: false });
  rl.on("line", (line) => {
    lines.push(line);
    waiting?.();
  });
  rl.on("close", () => {
    ended = true;
    waiting?.();
  });
  const line = async (): Promise<string | null> => {
    while (lines.length === 0 && !ended) await new Promise<void>((resolve) => (waiting = resolve));
    waiting = undefined;
    return lines.shift() ?? null;
  };
  return {
    echo: input.isTTY !== true,
    async next(choices) {
      for (;;) {
        const text = await line();
        if (text === null) return null;
        const n = Number(text.trim());
        if (Number.isInteger(n) && n >= 1 && n <= choices) return n;
        retry(choices);
      }
    },
    close() {
      rl.close();
    },
  };
}
