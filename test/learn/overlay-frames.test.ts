// What the dashboard draws when an overlay changes: the overlay notifies, the dashboard draws its card on the
// store's newest published snapshot. The store publishes throttled (~30 a second), so an overlay that moved
// the view (a verdict held on its answering event) must have the store publish first — else the card is drawn
// over a stale snapshot: the header's clock and phase from before the hold (the pty tour test saw
// `t=0.93s ▶ running` under a verdict held at t=1.00, and the finished run under a verdict held before its end).
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/learn/claims.js";
import { DashboardQuiz } from "../../src/learn/dashboard-quiz.js";
import { generateQuestions } from "../../src/learn/generate.js";
import { selectQuestions } from "../../src/learn/select.js";
import { StopOverlay } from "../../src/learn/tour/stop-overlay.js";
import { STOPS } from "../../src/learn/tour/stops.js";
import { defaultParams } from "../../src/session/params.js";
import { Session } from "../../src/session/session.js";
import type { SessionStore } from "../../src/session/store.js";
import { record, scenario } from "./support.js";

interface Seen {
  published: { cursor: number; time: number; phase: string };
  shown: { cursor: number; time: number; phase: string };
}

/** At each change of the overlay: the snapshot the dashboard would draw, and what the store shows now. */
function watch(overlay: { subscribe(l: () => void): () => void }, store: SessionStore): Seen[] {
  const seen: Seen[] = [];
  overlay.subscribe(() => {
    const s = store.getSnapshot();
    seen.push({
      published: { cursor: s.cursor, time: s.time, phase: s.phase },
      shown: {
        cursor: store.position,
        time: store.inHistory ? store.shown.time : s.time,
        phase: store.inHistory ? "paused" : store.phase,
      },
    });
  });
  return seen;
}

function session(name: string): Session {
  const s = scenario(name);
  return new Session(s, { params: defaultParams(s), speed: Number.POSITIVE_INFINITY, store: true });
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe("an overlay's card is drawn on the state it speaks of", () => {
  it("the tour's gather verdict: the published snapshot is the held one (its cursor, t=1.00, paused)", async () => {
    const run = await record("gather");
    const witness = evaluate(STOPS[0]!.choices[STOPS[0]!.correct]!.claim, run).witness;
    const live = session("gather");
    const store = live.store as SessionStore;
    const overlay = new StopOverlay(live, 0, undefined);
    const seen = watch(overlay, store);
    void live.start();
    await until(() => live.paused && store.head >= 1);
    overlay.onKey({ input: String(STOPS[0]!.correct + 1) });
    // The verdict holds the run there (the tour's Enter then leaves the stop).
    await until(() => overlay.draw(80)?.highlight === witness);
    live.abort();
    for (const s of seen) expect(s.published).toEqual(s.shown);
    expect(seen.at(-1)?.published).toEqual({ cursor: witness, time: 1, phase: "paused" });
  });

  it("the quiz: each question and verdict is drawn on the published snapshot it holds", async () => {
    const run = await record("cancel");
    const live = session("cancel");
    const store = live.store as SessionStore;
    const quiz = new DashboardQuiz(live, run, {});
    const seen = watch(quiz, store);
    const questions = selectQuestions(generateQuestions(run).questions);
    const ended = live.start();
    for (const q of questions) {
      await until(() => quiz.draw(80)?.bar?.[0]?.text.includes("answer") === true);
      quiz.onKey({ input: String(q.correct + 1) });
      await until(() => quiz.draw(80)?.highlight === q.answer);
      quiz.onKey({ input: "", name: "return" });
    }
    await ended;
    expect(seen.length).toBeGreaterThan(questions.length * 2);
    for (const s of seen) expect(s.published).toEqual(s.shown);
  });
});
