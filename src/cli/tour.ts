/**
 * `async-demo tour`: the lesson in the dashboard in a terminal, or as text
 * (`--plain`, `--answers`, no terminal). Each stop's scenario runs in a worker
 * of its own, as every scenario does.
 */

import { type AnswerSource, lineAnswers, listAnswers } from "../learn/answers.js";
import { plainTour, type RunStop } from "../learn/tour/plain-tour.js";
import { palette } from "../views/style.js";
import { recordRun } from "./foresee.js";
import { WorkerHost } from "./worker-host.js";

export interface TourFlags {
  /** Index of the first stop (`--from N` is 1-based). */
  from: number;
  answers?: number[];
  color: boolean;
}

/** A stop's scenario run to its end in its own worker, with the Ctrl-C pressed for the learner. */
const runStop: RunStop = async (stop) => {
  const host = await WorkerHost.load({ kind: "builtin", name: stop.scenario });
  try {
    const run = await recordRun(host, {
      params: stop.params ?? {},
      script: { cancels: [], interruptAt: stop.ctrlC?.at },
    });
    return { info: run.info, events: run.hinted, status: run.status };
  } finally {
    await host.terminate();
  }
};

export async function plainTourCommand(flags: TourFlags): Promise<number> {
  const out = (text: string) => process.stdout.write(text);
  const answers: AnswerSource =
    flags.answers !== undefined
      ? listAnswers(flags.answers)
      : lineAnswers(process.stdin, (choices) => out(`  Answer with a number from 1 to ${choices}: `));
  try {
    await plainTour(flags.from, runStop, out, palette(flags.color), answers);
    return 0;
  } finally {
    answers.close();
  }
}
