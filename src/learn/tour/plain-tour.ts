/**
 * The tour without a terminal (`async-demo tour --plain`, `--answers 2,1,…`):
 * the same lesson as the dashboard's, as text. Each stop: the tutorial's
 * claim, the prediction and its answer (a stdin line or the next of
 * --answers), the run narrated up to the event that answers it, the verdict
 * and where the corrected variant is. The stops that need Ctrl-C get it
 * pressed for the learner (the stop says when). A score ends the tour.
 */
import type { RuntimeEvent } from "../../runtime/runtime-events.js";
import type { ScenarioInfo } from "../../session/session.js";
import { plainView } from "../../views/plain.js";
import type { Palette } from "../../views/style.js";
import type { AnswerSource } from "../answers.js";
import { askInText } from "../plain-quiz.js";
import type { Answered } from "../question.js";
import { numbered, type RunRecord } from "../record.js";
import { type Score, score } from "../score.js";
import { scoreText, verdictText, wrap } from "../text.js";
import { fixOf, INTRO, judge, stopQuestion, stopTitle } from "./lesson.js";
import { STOPS, type Stop } from "./stops.js";

/** A stop's scenario, run to its end (with the stop's Ctrl-C, if it has one). */
export interface StopRun {
  info: ScenarioInfo;
  events: readonly (readonly [RuntimeEvent, string | undefined])[];
  status: number;
}

export type RunStop = (stop: Stop) => Promise<StopRun>;

export async function plainTour(
  from: number,
  runStop: RunStop,
  out: (text: string) => void,
  style: Palette,
  answers: AnswerSource,
): Promise<Score> {
  const line = (text: string) => out(`${text}\n`);
  for (const text of INTRO) line(style.bold(text));
  const answered: Answered[] = [];
  for (let index = from; index < STOPS.length; index++) {
    const stop = STOPS[index] as Stop;
    line("");
    line(style.bold(stopTitle(index)));
    for (const text of wrap(stop.claim, "")) line(text);
    // The prediction comes first: the run (and its title, which may tell) only after the answer.
    const choice = await askInText(stopQuestion(stop), "Your prediction", answers, out, style);
    const run = await runStop(stop);
    const record: RunRecord = { events: numbered(run.events.map(([e]) => e)), status: run.status };
    const judged = judge(stop, record);
    if (!judged.ok) throw new Error(`tour stop ${stop.scenario}: ${judged.reason}`);
    const question = judged.question;
    if (stop.ctrlC !== undefined) line(style.dim(`(Ctrl-C is pressed for you at t=${stop.ctrlC.at}.)`));
    const narrate = plainView(run.info, line, style);
    for (const [event, hint] of run.events) {
      if (typeof event.seq === "number" && event.seq > question.answer) break;
      narrate.event(event, hint);
    }
    if (question.answer === record.events.length) line(style.dim(`Exit status ${record.status}.`));
    answered.push({ question, choice });
    for (const text of verdictText({ question, choice }, stop.verdict, style)) line(text);
    const fix = fixOf(index);
    if (fix !== undefined) {
      line(`  Corrected variant: stop ${fix + 1}, async-demo ${STOPS[fix]?.scenario}.`);
    }
  }
  const result = score(answered);
  line("");
  for (const text of scoreText(result, style)) line(text);
  return result;
}
