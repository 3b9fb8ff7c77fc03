/**
 * The README never drifts from the program: each picture's source cast
 * (docs/media/NAME.cast) is drawn again — one frame per event — and must be
 * the same bytes; each picture must be what its cast makes; the replay shipped
 * with the docs must be what the CLI writes today. A failure means: run
 * `npm run docs:media` and commit the result.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the docs script
import { castToSvg } from "../../scripts/lib/cast-svg.mjs";
// @ts-expect-error: a plain ES module of the docs script
import { castArgs, MEDIA, mediaEnv, REPLAYS, replayArgs } from "../../scripts/lib/media.mjs";
import { root, runCli } from "../cli/run-cli.js";

interface Media {
  name: string;
  args: string[];
  caption: string;
}

const dir = mkdtempSync(join(tmpdir(), "async-demo-media-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STALE = "is stale: run `npm run docs:media` and commit docs/";
const env = (): Record<string, string | undefined> => ({
  ...mediaEnv({}),
  NO_COLOR: undefined,
  FORCE_COLOR: undefined,
});

describe("README pictures", () => {
  it.each(MEDIA as Media[])("$name: the program still draws the picture's cast, frame for frame", (media) => {
    const file = join(dir, `${media.name}.cast`);
    const result = runCli(castArgs(media, file), { env: env() });
    expect(result.stderr).toBe("");
    const committed = readFileSync(join(root, "docs", "media", `${media.name}.cast`), "utf8");
    const drawn = readFileSync(file, "utf8");
    const frames = (text: string) => text.trimEnd().split("\n");
    // Frame by frame first, for a readable failure: the first frame that differs.
    const [a, b] = [frames(drawn), frames(committed)];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      expect(a[i], `docs/media/${media.name}.cast ${STALE} (line ${i + 1} differs)`).toBe(b[i]);
    }
  });

  it.each(MEDIA as Media[])("$name: the picture is its cast's", async (media) => {
    const cast = readFileSync(join(root, "docs", "media", `${media.name}.cast`), "utf8");
    const svg = await castToSvg(cast, { title: `async-demo ${media.name}: the dashboard`, caption: media.caption });
    expect(
      svg === readFileSync(join(root, "docs", "media", `${media.name}.svg`), "utf8"),
      `docs/media/${media.name}.svg ${STALE}`,
    ).toBe(true);
  });

  it.each(REPLAYS as { name: string; args: string[] }[])(
    "$name: the replay shipped in docs/replays/ is the one the CLI writes",
    (replay) => {
      const file = join(dir, `${replay.name}.html`);
      runCli(replayArgs(replay, file));
      const committed = readFileSync(join(root, "docs", "replays", `${replay.name}.html`), "utf8");
      expect(readFileSync(file, "utf8") === committed, `docs/replays/${replay.name}.html ${STALE}`).toBe(true);
    },
  );
});
