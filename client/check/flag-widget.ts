import type { EditorView } from "@tiptap/pm/view";
import type { Problem } from "../../server/schema/check.ts";
import { flagLabel, PROBLEM_TITLES, problemDetails } from "./describe-problem.ts";
import { canRestore } from "./restore-source.ts";

/** What a flag's "restore" button asks of the editor. */
export type RestoreHandler = (problem: Problem, view: EditorView, widgetPos: number) => void;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const restoreLabel = (p: Problem) =>
  p.kind === "wrong_speaker" ? "Restore source speaker" : "Restore source wording";

function problemItem(problem: Problem, inQuote: boolean, restore: () => void): HTMLElement {
  const item = el("span", "source-flag-problem");
  item.dataset.kind = problem.kind;
  item.append(el("strong", "source-flag-title", PROBLEM_TITLES[problem.kind]));
  for (const line of problemDetails(problem)) {
    const row = el(
      "span",
      "source-flag-detail",
      line.words === undefined ? line.label : `${line.label}: `,
    );
    if (line.words !== undefined) row.append(el("q", "source-flag-words", line.words));
    item.append(row);
  }
  if (canRestore(problem, inQuote)) {
    const button = el("button", "btn btn-small source-flag-restore", restoreLabel(problem));
    button.type = "button";
    button.addEventListener("click", restore);
    item.append(button);
  }
  return item;
}

const cleanups = new WeakMap<Node, () => void>();

/** Removes what an open flag listens to; called when the editor drops the widget. */
export function destroyFlag(dom: Node): void {
  cleanups.get(dom)?.();
}

/**
 * A margin flag for one block's problems: a marker in the page margin beside the block that
 * opens a card saying what is wrong, with a restore button for each problem it can fix.
 */
export function flagWidget(
  problems: readonly Problem[],
  inQuote: boolean,
  onRestore: RestoreHandler,
): (view: EditorView, getPos: () => number | undefined) => HTMLElement {
  return (view, getPos) => {
    const flag = el("span", "source-flag");
    flag.dataset.kinds = [...new Set(problems.map((p) => p.kind))].join(" ");
    const marker = el(
      "button",
      "source-flag-marker",
      problems.length > 1 ? String(problems.length) : "!",
    );
    marker.type = "button";
    marker.setAttribute("aria-label", flagLabel(problems));
    marker.setAttribute("aria-expanded", "false");
    const card = el("span", "source-flag-card");
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-label", "Source check");
    card.hidden = true;

    const onOutside = (e: MouseEvent) => {
      if (!flag.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      marker.focus();
    };
    function setOpen(open: boolean) {
      card.hidden = !open;
      marker.setAttribute("aria-expanded", String(open));
      flag.classList.toggle("is-open", open);
      if (open) document.addEventListener("mousedown", onOutside);
      else document.removeEventListener("mousedown", onOutside);
    }
    cleanups.set(flag, () => document.removeEventListener("mousedown", onOutside));
    marker.addEventListener("click", () => setOpen(card.hidden));
    card.addEventListener("keydown", onKey);

    for (const problem of problems) {
      card.append(
        problemItem(problem, inQuote, () => {
          const pos = getPos();
          if (pos !== undefined) onRestore(problem, view, pos);
        }),
      );
    }
    flag.append(marker, card);
    return flag;
  };
}
