/// <reference lib="dom" />
/**
 * The replay page: reads the run from the document's JSON block, folds it with
 * the session's store (player.ts) and draws the dashboard's panels. Keys
 * follow the dashboard's; `#event-42` in the address opens that moment and
 * follows the cursor while stepping, so a link points at what is on screen.
 */
import { taskLabel } from "../../../session/state.js";
import { REPLAY_FORMAT, type ReplayData } from "../replay-data.js";
import { CodePanel } from "./code.js";
import { Controls } from "./controls.js";
import { fill, h } from "./dom.js";
import { HelpDialog } from "./help.js";
import { listenForKeys } from "./keys.js";
import { LOG_LIMIT, LogPanel } from "./log.js";
import { Player } from "./player.js";
import { SummaryPanel } from "./summary.js";
import { TaskPanel } from "./tasks.js";

function readData(): ReplayData {
  const block = document.getElementById("replay-data");
  const data = JSON.parse(block?.textContent ?? "null") as ReplayData | null;
  if (data === null || data.format !== REPLAY_FORMAT) throw new Error("this file holds no replay this page can read");
  return data;
}

function mount(root: HTMLElement, data: ReplayData): void {
  const player = new Player(data);
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const notice = (text: string) => {
    controls.notice.textContent = text;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => {
      controls.notice.textContent = "";
    }, 6000);
  };

  const act = {
    start: () => go(() => player.moveTo(0)),
    back: () => go(() => player.back()),
    step: () => go(() => player.step()),
    end: () => go(() => player.moveTo(player.head)),
    pause: () => (player.playing ? go(() => player.pause()) : play()),
    slower: () => speed(player.speed / 2),
    faster: () => speed(player.speed * 2),
    seek: (position: number) => go(() => player.moveTo(position)),
    help: () => help.toggle(),
  };
  const controls = new Controls(
    `async-demo · ${data.scenario.name} — ${data.scenario.title}`,
    data.command,
    player.head,
    act,
  );
  const tasks = new TaskPanel((id) => {
    tasks.selected = id;
    draw();
  });
  const log = new LogPanel();
  const code = new CodePanel(data.sources, data.scenario.explain, (language) => code.show(language));
  const summary = new SummaryPanel();
  const help = new HelpDialog();
  fill(
    root,
    controls.el,
    h("main", { class: "grid" }, tasks.el, summary.el, log.el, code.el),
    h(
      "footer",
      { class: "muted" },
      "space play · n/b step · Home/End · +/- speed · ↑↓ select · p Python/TypeScript · v code · ? keys — made by ",
      data.generator,
    ),
    help.el,
  );

  function draw(): void {
    const snapshot = player.snapshot;
    const state = snapshot.state;
    const current = player.current;
    const entry = player.cursor > 0 ? (player.entries[player.cursor - 1] ?? null) : null;
    const span = player.end > 0 ? player.end : 1;
    controls.render({
      state,
      now: player.now,
      speed: player.speed,
      phase: player.phase,
      playing: player.playing,
      cursor: player.cursor,
      head: player.head,
      current,
      sentence: sentenceFor(),
    });
    tasks.render(state, player.now, span);
    log.render(
      snapshot.logTail(LOG_LIMIT),
      player.entriesUpTo(player.cursor),
      player.entriesUpTo(player.head),
      current?.seq,
    );
    summary.render(state, data.status, data.after, player.finished);
    document.body.dataset.cursor = String(player.cursor);
    document.body.dataset.playing = String(player.playing);

    function sentenceFor(): string {
      if (current === undefined) return "Before the first event: space plays, n steps.";
      let text = entry?.text ?? "";
      if (text === "") {
        const task = "task" in current && typeof current.task === "number" ? current.task : null;
        text =
          current.type === "step" && task !== null
            ? `${taskLabel(state.tasks.get(task), task)} resumes after its await`
            : current.type;
      }
      return `#${current.seq} · t=${current.time.toFixed(3)} · ${text}`;
    }
  }

  /** Change the cursor, draw, and point the address at the new moment. */
  function go(change: () => void): void {
    change();
    draw();
    remember();
  }

  function remember(): void {
    const seq = player.current?.seq;
    const hash = seq === undefined ? "" : `#event-${seq}`;
    if (location.hash === hash) return;
    try {
      history.replaceState(null, "", hash === "" ? location.pathname + location.search : hash);
    } catch {
      // Some file:// contexts refuse it: the page still works, the address just does not follow.
    }
  }

  function speed(value: number): void {
    player.setSpeed(value);
    draw();
  }

  let lastFrame = 0;
  function play(): void {
    player.play();
    lastFrame = performance.now();
    draw();
    requestAnimationFrame(frame);
  }
  function frame(time: number): void {
    if (!player.playing) return;
    player.tick(Math.max(0, time - lastFrame) / 1000);
    lastFrame = time;
    draw();
    if (player.playing) requestAnimationFrame(frame);
    else remember();
  }

  function fromHash(): boolean {
    const match = /^#event-(\d+)$/.exec(location.hash);
    if (!match) return false;
    const position = player.positionOf(Number(match[1]));
    if (position === undefined) {
      notice(`this run has no event ${match[1]}`);
      return false;
    }
    player.moveTo(position);
    draw();
    log.reveal(Number(match[1]));
    return true;
  }
  window.addEventListener("hashchange", () => fromHash());

  listenForKeys({
    pause: unlessHelp(act.pause),
    step: unlessHelp(act.step),
    back: unlessHelp(act.back),
    start: unlessHelp(act.start),
    end: unlessHelp(act.end),
    faster: unlessHelp(act.faster),
    slower: unlessHelp(act.slower),
    restart: unlessHelp(() => {
      player.moveTo(0);
      play();
    }),
    up: unlessHelp(() => select(-1)),
    down: unlessHelp(() => select(1)),
    language: unlessHelp(() => {
      code.el.hidden = false;
      code.toggle();
    }),
    code: unlessHelp(() => {
      code.el.hidden = !code.el.hidden;
    }),
    help: () => help.toggle(),
    close: () => help.toggle(false),
    changesRun: unlessHelp(() =>
      notice(
        `This is a replay: it cannot change the run. To cancel tasks or raise in them, run ${data.command} in a terminal.`,
      ),
    ),
  });

  /** Any key but ? and Esc first closes the help, then does its work. */
  function unlessHelp(action: () => void): () => void {
    return () => {
      if (help.open) help.toggle(false);
      action();
    };
  }

  function select(direction: -1 | 1): void {
    const order = tasks.order;
    const index = order.indexOf(tasks.selected ?? -1);
    tasks.selected = order[Math.min(order.length - 1, Math.max(0, index + direction))] ?? null;
    draw();
    tasks.reveal();
  }

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => tasks.relayout(), 100);
  });

  // No address: open at the end, where the whole run is on screen; space plays it from the start.
  if (!fromHash()) {
    player.moveTo(player.head);
    draw();
  }
  // The page opens at its top, whatever moment the address names (the log shows the moment's entry).
  window.scrollTo(0, 0);
  document.body.dataset.ready = "true";
}

const root = document.getElementById("app");
if (root !== null) {
  try {
    mount(root, readData());
  } catch (error) {
    fill(root, h("p", { class: "notice" }, `This replay cannot be shown: ${(error as Error).message}`));
    throw error;
  }
}
