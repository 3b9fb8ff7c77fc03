// `npm run docs:media`: the README's animated pictures and the replay shipped with the docs, made from
// the built CLI (run `npm run build` first; `npm run docs:media` does). Each picture is an asciicast drawn
// without a terminal, one frame per event (docs/media/NAME.cast, committed: test/docs/media.test.ts
// fails when the program no longer draws it so), turned into an animated SVG (docs/media/NAME.svg).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { castToSvg } from "./lib/cast-svg.mjs";
import { castArgs, MEDIA, mediaEnv, REPLAYS, replayArgs } from "./lib/media.mjs";

const root = new URL("..", import.meta.url).pathname;
const media = join(root, "docs", "media");
const replays = join(root, "docs", "replays");
mkdirSync(media, { recursive: true });
mkdirSync(replays, { recursive: true });

function cli(args) {
  const result = spawnSync(process.execPath, [join(root, "bin", "async-demo"), ...args], {
    cwd: root,
    env: mediaEnv(),
    encoding: "utf8",
  });
  if (result.status === null || result.stderr.includes("async-demo:")) {
    throw new Error(`async-demo ${args.join(" ")} failed:\n${result.stderr}`);
  }
}

for (const item of MEDIA) {
  const cast = join(media, `${item.name}.cast`);
  cli(castArgs(item, cast));
  const svg = await castToSvg(readFileSync(cast, "utf8"), {
    title: `async-demo ${item.name}: the dashboard`,
    caption: item.caption,
  });
  writeFileSync(join(media, `${item.name}.svg`), svg);
  console.log(`docs/media/${item.name}.svg (${Math.round(svg.length / 1024)} KB)`);
}
for (const item of REPLAYS) {
  const file = join(replays, `${item.name}.html`);
  cli(replayArgs(item, file));
  console.log(`docs/replays/${item.name}.html (${Math.round(readFileSync(file).length / 1024)} KB)`);
}
