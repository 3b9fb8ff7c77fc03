/** A mistake in what the user asked for: reported as one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
