/**
 * A file the run writes at its end (`--html`, `--cast`): checked before the
 * run starts, so a bad path is a usage error (status 2) rather than a lost
 * run, and written whole or not at all — the contents go to a temporary file
 * beside the target, renamed over it once complete. A run that is stopped
 * (a second Ctrl-C, a closed terminal) leaves neither file behind.
 */
import { closeSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../session/usage-error.js";

const REASONS: Record<string, string> = {
  ENOENT: "no such directory",
  ENOTDIR: "a part of the path is not a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  EISDIR: "it is a directory",
  ENOSPC: "no space left on the device",
};

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code === undefined ? String(error) : (REASONS[code] ?? code);
}

export class OutputFile {
  private fd: number | undefined;
  private readonly cleanup = () => this.discard();

  private constructor(
    readonly path: string,
    private readonly option: string,
    private readonly temp: string,
    fd: number,
  ) {
    this.fd = fd;
    process.on("exit", this.cleanup);
  }

  /** Check that `path` can be written (a directory that exists and lets us write); `option` names it in errors. */
  static open(path: string, option: string): OutputFile {
    const target = resolve(path);
    const fail = (why: string) => new UsageError(`${option} ${path}: cannot write it (${why})`);
    try {
      if (statSync(target).isDirectory()) throw fail(reason({ code: "EISDIR" }));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      // Not there yet: the usual case.
    }
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    try {
      return new OutputFile(target, option, temp, openSync(temp, "w", 0o644));
    } catch (error) {
      throw fail(reason(error));
    }
  }

  /** Write the whole contents and put the file in place. */
  commit(contents: string): void {
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${this.option}: already written`);
    try {
      writeSync(fd, contents);
      closeSync(fd);
      this.fd = undefined;
      renameSync(this.temp, this.path);
    } catch (error) {
      this.discard();
      throw new UsageError(`${this.option} ${this.path}: cannot write it (${reason(error)})`);
    }
    process.off("exit", this.cleanup);
  }

  /** Give up: remove the temporary file. */
  discard(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {}
      this.fd = undefined;
    }
    try {
      unlinkSync(this.temp);
    } catch {}
    process.off("exit", this.cleanup);
  }
}
