/**
 * `async-demo SCENARIO --quiz` (and `run FILE --quiz`): in a terminal the
 * dashboard with the quiz over it (learn/dashboard-quiz.ts), otherwise the
 * narrated log or the JSON stream with the quiz in it. The program runs in its
 * engine as usual; its future comes from a replay run first, in an engine of
 * its own (foresee.ts), and again after a key branches the run. Signals behave
 * as without the quiz: the first SIGINT is the program's Ctrl-C, a second one
 * exits at once.
 */

import { type AnswerSource, lineAnswers, listAnswers } from "../learn/answers.js";
import { DashboardQuiz } from "../learn/dashboard-quiz.js";
import { jsonQuizView } from "../learn/json-quiz.js";
import { plainQuizView } from "../learn/plain-quiz.js";
import { runStreamQuiz } from "../learn/quiz-stream-run.js";
import { scoreText } from "../learn/text.js";
import type { ParamValue } from "../session/params.js";
import type { Script } from "../session/scripted.js";
import { Session } from "../session/session.js";
import { palette } from "../views/style.js";
import { foresee } from "./foresee.js";
import { loadInk } from "./load-ink.js";
import { type EngineHost, handleSignals } from "./play.js";
import { formatTraceback } from "./traceback.js";

export interface QuizFlags {
  /** Ask one question in every N (`--quiz-every N`). */
  every?: number;
  /** Answers given up front (`--answers 2,1,3`); else lines of stdin. */
  answers?: number[];
}

export interface QuizPlayOptions {
  view: "plain" | "json";
  speed: number;
  params: Record<string, ParamValue>;
  script: Script;
  color: boolean;
}

const out = (text: string) => process.stdout.write(text);
const err = (text: string) => process.stderr.write(`${text}\n`);

export function answerSource(flags: QuizFlags, view: "plain" | "json"): AnswerSource {
  if (flags.answers !== undefined) return listAnswers(flags.answers);
  return lineAnswers(process.stdin, (choices) => {
    if (view === "plain") out(`  Answer with a number from 1 to ${choices}: `);
  });
}

/**
 * `host` runs the live program; `replayHost` makes another engine for the same program (the look ahead
 * runs in it: a worker or a CPython process of its own, so that nothing of it shows or is heard twice).
 */
export async function playQuiz(
  host: EngineHost,
  replayHost: () => Promise<EngineHost> | EngineHost,
  options: QuizPlayOptions,
  flags: QuizFlags,
): Promise<number> {
  const foresight = await foresee(replayHost, { params: options.params, script: options.script });
  const answers = answerSource(flags, options.view);
  const view =
    options.view === "json"
      ? jsonQuizView((line) => out(`${line}\n`), answers)
      : plainQuizView(host.info, out, palette(options.color), answers);
  const core = host.core({ params: options.params, speed: options.speed, script: options.script }, true);
  const session = new Session(
    host.info,
    { params: options.params, speed: options.speed, script: options.script },
    core,
  );
  const { uninstall } = handleSignals(session, (status) => process.exit(status));
  try {
    const run = await runStreamQuiz(session, foresight, view, flags.every === undefined ? {} : { every: flags.every });
    view.finish(run.result.status, run.answered);
    if (run.diverged !== undefined) {
      err(`note: the run parted from its replay at event ${run.diverged}, so the quiz stopped there`);
    }
    for (const warning of run.result.warnings) err(`warning: ${warning}`);
    const traceback =
      run.result.traceback ?? (run.result.error !== undefined ? formatTraceback(run.result.error) : undefined);
    if (traceback !== undefined) err(traceback);
    return run.result.status;
  } finally {
    answers.close();
    uninstall();
  }
}

export interface QuizDashboardOptions {
  speed: number;
  params: Record<string, ParamValue>;
  script: Script;
  color: boolean;
  /** The program's file (its source in the code pane). */
  file?: string;
}

/**
 * The dashboard with the quiz over it. After a key branches the run, the look ahead runs again with the
 * commands given (Session.recorded(); engines that cannot tell them stop asking, and say so).
 */
export async function dashboardQuiz(
  host: EngineHost,
  replayHost: () => Promise<EngineHost> | EngineHost,
  options: QuizDashboardOptions,
  flags: QuizFlags,
): Promise<number> {
  const { params, script, speed } = options;
  const foresight = await foresee(replayHost, { params, script });
  const session = new Session(
    host.info,
    { params, speed, script, store: true },
    host.core({ params, speed, script }, true),
  );
  const refresh = async () => {
    const replay = await session.recorded();
    if (replay === undefined) throw new Error("this engine does not tell the commands it was given");
    return foresee(replayHost, { params, script, replay });
  };
  const quiz = new DashboardQuiz(session, foresight, flags.every === undefined ? {} : { every: flags.every }, refresh);
  const { runDashboard } = await loadInk(() => import("../views/tui/run-dashboard.js"));
  const result = await runDashboard(session, host.info, { overlay: quiz, file: options.file });
  await host.terminate();
  for (const line of scoreText(quiz.score, palette(options.color))) out(`${line}\n`);
  for (const warning of result.warnings) err(`warning: ${warning}`);
  const traceback = result.traceback ?? (result.error !== undefined ? formatTraceback(result.error) : undefined);
  if (traceback !== undefined) err(traceback);
  return result.status;
}
