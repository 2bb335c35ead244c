// The access-answer checklist's words and steps, apart from the component so they can be tested
// on their own. The questions and provisions come from the engine (per law, as data).
import type { ChecklistItemView } from "./bindings/ChecklistItemView";

export type Verdict = NonNullable<ChecklistItemView["verdict"]>;

/** The four answers, in the order the buttons show them. */
export const VERDICTS: { value: Verdict; label: string }[] = [
  { value: "yes", label: "Yes" },
  { value: "partly", label: "Partly" },
  { value: "no", label: "No" },
  { value: "not_applicable", label: "Does not apply" },
];

export function verdictLabel(v: ChecklistItemView["verdict"]): string {
  return VERDICTS.find((x) => x.value === v)?.label ?? "Not answered";
}

/** The languages the follow-up letter is written in, by code, in their own names. */
const LANGUAGE_NAMES: Record<string, string> = { en: "English", de: "Deutsch", fr: "Français" };

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

/** Where to go after answering item `from`: the next unanswered item after it, else the next. */
export function nextStep(items: ChecklistItemView[], from: number): number {
  for (let i = from + 1; i < items.length; i++) {
    if (items[i].verdict === null) return i;
  }
  return Math.min(from + 1, items.length - 1);
}

/** The first unanswered item, where the guided check starts (the first one when all are). */
export function firstOpen(items: ChecklistItemView[]): number {
  const i = items.findIndex((x) => x.verdict === null);
  return i < 0 ? 0 : i;
}

/** "2 gaps: the answer lacks how long it is kept and automated decisions", from the items
 *  answered no or partly (their plain topics, in checklist order). */
export function gapSummary(items: ChecklistItemView[]): string {
  const gaps = items.filter((i) => i.verdict === "no" || i.verdict === "partly").map((i) => i.topic);
  if (gaps.length === 0) return "No gaps so far.";
  const list = gaps.length === 1 ? gaps[0] : `${gaps.slice(0, -1).join(", ")} and ${gaps[gaps.length - 1]}`;
  return `${gaps.length} ${gaps.length === 1 ? "gap" : "gaps"}: the answer lacks ${list}.`;
}
