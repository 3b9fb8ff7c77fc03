/**
 * Load a module that brings Ink in (the dashboard, the picker), before the first frame. Ink's layout
 * engine, yoga-layout, carries its WebAssembly inlined as a `data:` URL, and its loader fetch()es that URL
 * whenever a global fetch exists: in Node that loads the whole HTTP client (undici) and percent-decodes
 * the URL — 20–50 ms of a first frame that has 400. Without fetch the loader decodes the same bytes
 * itself. So fetch is hidden while the module evaluates (yoga reads it then, once) and put back after;
 * nothing else in this thread fetches during start-up (the run is in a worker thread, which has its own).
 */
export async function loadInk<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, "fetch");
  if (fetch?.configurable !== true) return load();
  Reflect.deleteProperty(globalThis, "fetch");
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, "fetch", fetch);
  }
}
