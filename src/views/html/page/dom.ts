/// <reference lib="dom" />
/**
 * Building the page's elements. Every piece of run data (task names, prints,
 * exception messages, sources) goes in as a text node, never as markup: a
 * `<script>` in a print stays the text `<script>`.
 */

type Child = Node | string | null | undefined | false;
type Props = Record<string, string | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) for (const [name, value] of Object.entries(props)) if (value !== undefined) el.setAttribute(name, value);
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replace everything inside `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Set an element's text only when it changed (cheap re-renders while playing). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
