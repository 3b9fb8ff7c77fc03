/**
 * `--html FILE`: keeps every event of the run with its hint, and at the end
 * writes the replay page (document.ts) around them. Like `--trace`, it reads
 * only the event stream.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RuntimeEvent } from "../../runtime/runtime-events.js";
import { packageRoot, packageVersion } from "../../session/package-root.js";
import type { ScenarioInfo } from "../../session/session.js";
import type { Sources } from "../../session/sources.js";
import { type PageAssets, replayDocument } from "./document.js";
import { packEvents, REPLAY_FORMAT, type ReplayData } from "./replay-data.js";

export interface ReplayMeta {
  /** The command that reproduces the run. */
  command: string;
  /** Loop seconds per wall second (Infinity: instant). */
  speed: number;
  sources: Sources;
}

/** The page's script and style, built by scripts/build.mjs into dist/replay/. */
export function pageAssets(): PageAssets {
  const dir = join(packageRoot(), "dist", "replay");
  const script = join(dir, "page.js");
  const style = join(dir, "page.css");
  if (!existsSync(script) || !existsSync(style)) throw new Error(`missing ${dir}/page.{js,css}: run npm run build`);
  return { script: readFileSync(script, "utf8").trimEnd(), style: readFileSync(style, "utf8").trimEnd() };
}

export function htmlView(info: ScenarioInfo, meta: ReplayMeta) {
  const events: RuntimeEvent[] = [];
  const hints: Record<string, string> = {};
  /** Warnings about this machine's wall time (a step that held the loop): not part of the replayed run. */
  const unnumbered: string[] = [];
  return {
    event(event: RuntimeEvent, hint: string | undefined): void {
      // Events without a seq depend on the machine, not the run: the run's replay (and its bytes) leaves them
      // out, and the page lists them with what the CLI said after the run.
      if (event.seq === undefined) {
        if (event.type === "warning") unnumbered.push(`warning: ${event.text.replace(/^warning: /, "")}`);
        return;
      }
      if (hint !== undefined) hints[String(events.length)] = hint;
      events.push(event);
    },

    data(status: number, after: readonly string[]): ReplayData {
      return {
        format: REPLAY_FORMAT,
        generator: `async-demo ${packageVersion()}`,
        scenario: { name: info.name, title: info.title, summary: info.summary, explain: info.explain },
        command: meta.command,
        speed: Number.isFinite(meta.speed) ? meta.speed : null,
        sources: meta.sources,
        events: packEvents(events),
        hints,
        status,
        after: [...unnumbered.filter((line) => !after.includes(line)), ...after],
      };
    },

    /** The replay page for the run that ended with `status` (`after`: what the CLI printed after it). */
    build(status: number, after: readonly string[]): string {
      return replayDocument(this.data(status, after), pageAssets());
    },
  };
}
