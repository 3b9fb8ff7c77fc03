/** The keys overlay (`?`): every binding of keys.ts, closed by Esc, its button or any other key. */
import { h } from "./dom.js";
import { PAGE_KEYS } from "./keys.js";

export class HelpDialog {
  readonly el: HTMLElement;
  private readonly close: HTMLButtonElement;

  constructor() {
    const rows = PAGE_KEYS.map((b) =>
      h("tr", null, h("th", { scope: "row" }, h("kbd", null, b.keys)), h("td", null, b.description)),
    );
    this.close = h("button", { type: "button", class: "btn" }, "Close (Esc)");
    this.close.addEventListener("click", () => this.toggle(false));
    this.el = h(
      "div",
      { class: "help", role: "dialog", "aria-label": "Keys", "aria-modal": "true" },
      h("div", { class: "help-box" }, h("h2", null, "Keys"), h("table", null, h("tbody", null, ...rows)), this.close),
    );
    this.el.hidden = true;
  }

  get open(): boolean {
    return !this.el.hidden;
  }

  toggle(open = !this.open): void {
    this.el.hidden = !open;
    if (open) this.close.focus();
  }
}
