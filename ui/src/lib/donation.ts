// "Share with a study": the screen's logic, kept out of the component so it is tested alone.
// The participant's choices are what they take away from what the study asks for.
import type { Choices } from "./bindings/Choices";
import type { Plan } from "./bindings/Plan";
import type { StudyInfo } from "./bindings/StudyInfo";
import { formatCount, plural } from "./format";

export function noChoices(): Choices {
  return { excluded_categories: [], excluded_platforms: [], excluded_files: [], excluded_records: [] };
}

/** `list` with `value` added when `included` is false (unticked), removed when true. */
function toggled<T>(list: T[], value: T, included: boolean): T[] {
  const without = list.filter((v) => v !== value);
  return included ? without : [...without, value];
}

export type ChoiceKind = "category" | "platform" | "file" | "record";

/** The choices after the participant ticks (`included`) or unticks one line. */
export function choose(choices: Choices, kind: ChoiceKind, key: string | number, included: boolean): Choices {
  switch (kind) {
    case "category":
      return { ...choices, excluded_categories: toggled(choices.excluded_categories, String(key), included) };
    case "platform":
      return { ...choices, excluded_platforms: toggled(choices.excluded_platforms, String(key), included) };
    case "file":
      return { ...choices, excluded_files: toggled(choices.excluded_files, Number(key), included) };
    case "record":
      return { ...choices, excluded_records: toggled(choices.excluded_records, Number(key), included) };
  }
}

/** One line per thing the study asks for, in plain words. */
export function asksFor(study: StudyInfo, categoryLabel: (key: string) => string, platformLabel: (key: string) => string): string[] {
  const list = (keys: string[] | null, label: (k: string) => string, all: string) =>
    keys === null ? all : keys.map(label).join(", ");
  const lines = [
    `Data categories: ${list(study.categories, categoryLabel, "all")}`,
    `Platforms: ${list(study.platforms, platformLabel, "all you imported")}`,
  ];
  if (study.kinds !== null) lines.push(`Only these kinds of records: ${study.kinds.join(", ")}`);
  lines.push(study.drop_message_text ? "The text of your messages is left out." : "The text of your messages is included, if messages are asked for.");
  lines.push(
    study.with_identities
      ? "Your own identifiers (names, e-mail addresses, phone numbers) are included, replaced by codes."
      : "Your own identifiers are not included.",
  );
  return lines;
}

/** "1,234 records would leave, 3 rows left out one by one." */
export function leavingText(plan: Plan): string {
  let text = `${plural(plan.records, "record", "records")} would leave`;
  if (plan.excluded_records > 0) text += `, ${formatCount(plan.excluded_records)} left out one by one`;
  return `${text}.`;
}

/** The record id of a preview row of the `records` table (its first column), if it is one. */
export function recordId(table: string, columns: string[], row: (string | null)[]): number | null {
  if (table !== "records") return null;
  const i = columns.indexOf("record_id");
  const cell = i < 0 ? null : row[i];
  const id = cell === null ? NaN : Number(cell);
  return Number.isInteger(id) ? id : null;
}
