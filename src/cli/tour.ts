/**
 * `async-demo tour`: the lesson in the dashboard in a terminal, or as text
 * (`--plain`, `--answers`, no terminal). Each stop's scenario runs in a worker
 * of its own, as every scenario does; in the dashboard each stop is one
 * dashboard (learn/tour/stop-overlay.ts over it), erased when the learner goes
 * on to the next. The score is printed when the tour ends.
 */

import { type AnswerSource, lineAnswers, listAnswers } from "../learn/answers.js";
import type { Answered } from "../learn/question.js";
import { score } from "../learn/score.js";
import { scoreText } from "../learn/text.js";
import { fixOf, nextStop } from "../learn/tour/lesson.js";
import { plainTour, type RunStop } from "../learn/tour/plain-tour.js";
import { StopOverlay } from "../learn/tour/stop-overlay.js";
import { STOPS, type Stop } from "../learn/tour/stops.js";
import { defaultParams } from "../session/params.js";
import { Session } from "../session/session.js";
import { palette } from "../views/style.js";
import { recordRun } from "./foresee.js";
import { loadInk } from "./load-ink.js";
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

/** The tour in the dashboard, stop after stop; resolves with the exit status (0, or 130 after Ctrl-C twice). */
export async function dashboardTourCommand(flags: TourFlags & { speed: number }): Promise<number> {
  const { runDashboard } = await loadInk(() => import("../views/tui/run-dashboard.js"));
  const answers = new Map<number, Answered>();
  const done = new Set<number>();
  const finish = (status: number) => {
    for (const line of scoreText(score([...answers.values()]), palette(flags.color))) {
      process.stdout.write(`${line}\n`);
    }
    return status;
  };
  let index = flags.from;
  /** The stop whose verdict sent the learner to its corrected variant: the tour goes on after it. */
  let returnAfter: number | undefined;
  while (index >= 0 && index < STOPS.length) {
    const stop = STOPS[index] as Stop;
    const host = await WorkerHost.load({ kind: "builtin", name: stop.scenario });
    const params = { ...defaultParams(host.info), ...stop.params };
    const script = { cancels: [], interruptAt: undefined };
    const session = new Session(
      host.info,
      { params, speed: flags.speed, script, store: true },
      host.core({ params, speed: flags.speed, script }, true),
    );
    const fix = fixOf(index);
    const after = nextStop(returnAfter ?? index, new Set([...done, index]));
    const here = index;
    const overlay = new StopOverlay(
      session,
      index,
      fix !== undefined && !done.has(fix) ? fix : undefined,
      after === -1
        ? (answered) => score([...[...answers].filter(([i]) => i !== here).map(([, a]) => a), answered])
        : undefined,
    );
    const result = await runDashboard(session, host.info, { overlay });
    await host.terminate();
    if (overlay.answered !== undefined) answers.set(index, overlay.answered);
    switch (overlay.exit) {
      case undefined:
        // The dashboard ended by itself: Ctrl-C twice (130), the terminal closed.
        return finish(result.status);
      case "quit":
        return finish(0);
      case "again":
        continue;
      case "fix":
        done.add(index);
        returnAfter ??= index;
        index = fix ?? -1;
        continue;
      case "next":
        done.add(index);
        index = after;
        returnAfter = undefined;
        continue;
    }
  }
  return finish(0);
}
