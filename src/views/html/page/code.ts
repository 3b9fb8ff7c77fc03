/** The lesson and the code: the Python twin and the TypeScript (`p` switches, as in the dashboard). */
import type { ReplaySources } from "../replay-data.js";
import { fill, h } from "./dom.js";

export type Language = "python" | "typescript";

export class CodePanel {
  readonly el: HTMLElement;
  private readonly tabs: Record<Language, HTMLButtonElement>;
  private readonly file = h("span", { class: "muted file" });
  private readonly pre = h("pre", { class: "code", tabindex: "0" });
  language: Language;

  constructor(
    private readonly sources: ReplaySources,
    explain: string,
    onLanguage: (language: Language) => void,
  ) {
    this.language = sources.python !== null ? "python" : "typescript";
    const tab = (language: Language, text: string) => {
      const button = h("button", { type: "button", role: "tab", class: "tab" }, text);
      button.disabled = sources[language] === null;
      button.addEventListener("click", () => onLanguage(language));
      return button;
    };
    // A built-in scenario has both: its Python is the twin. A user's program has one of them.
    const both = sources.python !== null && sources.typescript !== null;
    this.tabs = { python: tab("python", both ? "Python twin" : "Python"), typescript: tab("typescript", "TypeScript") };
    this.el = h(
      "section",
      { class: "panel code-panel", "aria-label": "Lesson and code" },
      explain.trim() !== "" ? h("p", { class: "lesson" }, h("strong", null, "Lesson: "), explain) : null,
      h("div", { class: "panel-head", role: "tablist" }, this.tabs.python, this.tabs.typescript, this.file),
      this.pre,
    );
    this.render();
  }

  show(language: Language): void {
    if (this.sources[language] === null) return;
    this.language = language;
    this.render();
  }

  toggle(): void {
    this.show(this.language === "python" ? "typescript" : "python");
  }

  private render(): void {
    const language = this.language;
    for (const l of ["python", "typescript"] as const) {
      this.tabs[l].setAttribute("aria-selected", String(l === language));
    }
    const source = this.sources[language];
    fill(this.file, language === "python" ? this.sources.pythonFile : this.sources.typescriptFile);
    // One element per line: CSS numbers them, and a copy of the code copies no numbers.
    fill(
      this.pre,
      ...(source ?? "(no source)").split("\n").flatMap((line) => [h("span", { class: "line" }, line), "\n"]),
    );
  }
}
