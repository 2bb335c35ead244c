// The access-answer checklist: the files kept, one question at a time with its provision in
// small print, answers saved as they are given (with the remark), and the follow-up letter
// offered only once there is a gap.
import { afterEach, describe, expect, it, vi, beforeEach } from "vitest";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/svelte";
import type { AccessAnswer } from "../lib/bindings/AccessAnswer";
import type { ChecklistItemView } from "../lib/bindings/ChecklistItemView";
import { gapSummary, nextStep } from "../lib/answers";

const calls = vi.hoisted(() => ({
  accessAnswer: vi.fn(),
  attachAnswer: vi.fn(),
  setChecklist: vi.fn(),
  followUpText: vi.fn(),
  saveFollowUp: vi.fn(),
}));
const dialog = vi.hoisted(() => ({ open: vi.fn() }));
vi.mock("../lib/api", () => ({ api: calls, toAppError: (e: unknown) => e }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

import AccessAnswerChecklist from "./AccessAnswerChecklist.svelte";

function item(key: string, verdict: ChecklistItemView["verdict"] = null, note: string | null = null): ChecklistItemView {
  return { key, topic: `topic ${key}`, question: `Question ${key}?`, provision: `Art. 15(1)(${key}) GDPR`, verdict, note };
}

function answer(items: ChecklistItemView[], extra: Partial<AccessAnswer> = {}): AccessAnswer {
  const gaps = items.filter((i) => i.verdict === "no" || i.verdict === "partly").map((i) => i.key);
  return {
    reference: "FP-1",
    files: [],
    items,
    checklist_missing: null,
    answered: items.filter((i) => i.verdict !== null).length,
    gaps,
    follow_up_blocker: gaps.length === 0 ? "no item of the checklist is answered no or partly" : null,
    letter_languages: ["en", "de", "fr"],
    ...extra,
  };
}

const file = { id: 3, file_name: "answer.pdf", size: 2048, sha256: "ab".repeat(32), received: "2026-03-30", attached: "2026-04-02" };

afterEach(cleanup);

describe("AccessAnswerChecklist", () => {
  beforeEach(() => {
    for (const f of [...Object.values(calls), dialog.open]) f.mockReset();
  });

  it("attaches the picked files and lists the copies kept", async () => {
    calls.accessAnswer.mockResolvedValue(answer([item("a")]));
    dialog.open.mockResolvedValue(["/home/u/answer.pdf"]);
    calls.attachAnswer.mockResolvedValue(answer([item("a")], { files: [file] }));
    const attached = vi.fn();
    const r = render(AccessAnswerChecklist, { reference: "FP-1", onattached: attached });
    await waitFor(() => r.getByTestId("attach-answer"));
    await fireEvent.input(r.getByTestId("answer-received"), { target: { value: "2026-03-30" } });
    await fireEvent.click(r.getByTestId("attach-answer"));
    await waitFor(() => expect(r.getByTestId("answer-file").textContent).toContain("answer.pdf"));
    expect(calls.attachAnswer).toHaveBeenCalledWith("FP-1", "/home/u/answer.pdf", "2026-03-30");
    expect(r.getByTestId("answer-file").textContent).toContain("received 2026-03-30");
    expect(attached).toHaveBeenCalledOnce();
  });

  it("asks one question at a time, saves each answer and moves on to the next open one", async () => {
    calls.accessAnswer.mockResolvedValue(answer([item("a", "yes"), item("b"), item("c")], { files: [file] }));
    calls.setChecklist.mockResolvedValue(answer([item("a", "yes"), item("b", "no", "nothing at all"), item("c")], { files: [file] }));
    const r = render(AccessAnswerChecklist, { reference: "FP-1" });
    // Starts at the first unanswered question, with its provision in small print.
    await waitFor(() => expect(r.getByTestId("checklist-question").dataset.key).toBe("b"));
    expect(r.getByTestId("checklist-provision").textContent).toBe("Art. 15(1)(b) GDPR");
    expect(r.getByTestId("checklist-progress").textContent).toContain("Question 2 of 3");
    expect(r.queryByTestId("write-follow-up")).toBeNull();
    expect(r.getByTestId("follow-up-blocker").textContent).toContain("no item");
    await fireEvent.input(r.getByTestId("checklist-note"), { target: { value: " nothing at all " } });
    await fireEvent.click(r.getByTestId("verdict-no"));
    await waitFor(() => expect(r.getByTestId("checklist-question").dataset.key).toBe("c"));
    expect(calls.setChecklist).toHaveBeenCalledWith("FP-1", [{ key: "b", verdict: "no", note: "nothing at all" }]);
    expect(r.getByTestId("gap-summary").textContent).toBe("1 gap: the answer lacks topic b.");
    const b = r.getAllByTestId("checklist-item").find((e) => e.dataset.key === "b")!;
    expect(b.dataset.verdict).toBe("no");
    // Back to b: its answer is shown as chosen, its note in the field.
    await fireEvent.click(r.getByTestId("checklist-back"));
    expect(r.getByTestId("verdict-no").getAttribute("aria-pressed")).toBe("true");
    expect((r.getByTestId("checklist-note") as HTMLTextAreaElement).value).toBe("nothing at all");
  });

  it("writes the follow-up letter in the chosen language and shows it as text", async () => {
    calls.accessAnswer.mockResolvedValue(answer([item("d", "no"), item("h", "partly")], { files: [file] }));
    calls.followUpText.mockResolvedValue("<b>Sehr geehrte</b> Damen und Herren");
    const r = render(AccessAnswerChecklist, { reference: "FP-1" });
    await waitFor(() => r.getByTestId("write-follow-up"));
    expect(r.getByTestId("gap-summary").textContent).toBe("2 gaps: the answer lacks topic d and topic h.");
    const options = Array.from((r.getByTestId("follow-up-lang") as HTMLSelectElement).options).map((o) => o.textContent);
    expect(options).toEqual(["English", "Deutsch", "Français"]);
    await fireEvent.change(r.getByTestId("follow-up-lang"), { target: { value: "de" } });
    await fireEvent.click(r.getByTestId("write-follow-up"));
    await waitFor(() => r.getByTestId("follow-up-preview"));
    expect(calls.followUpText).toHaveBeenCalledWith("FP-1", "de");
    // Text, never HTML.
    expect(r.getByTestId("follow-up-preview").textContent).toBe("<b>Sehr geehrte</b> Damen und Herren");
    expect(r.getByTestId("follow-up-preview").querySelector("b")).toBeNull();
  });

  it("follows a later change of the request's language until a language is picked here", async () => {
    calls.accessAnswer.mockResolvedValue(answer([item("d", "no")], { files: [file] }));
    calls.followUpText.mockResolvedValue("text");
    const r = render(AccessAnswerChecklist, { reference: "FP-1", letterLang: "en" });
    await waitFor(() => r.getByTestId("write-follow-up"));
    const menu = () => r.getByTestId("follow-up-lang") as HTMLSelectElement;
    expect(menu().value).toBe("en");
    // The request's language changes (the letter-language menu above): this menu follows.
    await r.rerender({ reference: "FP-1", letterLang: "de" });
    await waitFor(() => expect(menu().value).toBe("de"));
    await fireEvent.click(r.getByTestId("write-follow-up"));
    await waitFor(() => expect(calls.followUpText).toHaveBeenLastCalledWith("FP-1", "de"));
    // Picked here: the user's choice stays, whatever the request's language does next.
    await fireEvent.change(menu(), { target: { value: "fr" } });
    await r.rerender({ reference: "FP-1", letterLang: "en" });
    expect(menu().value).toBe("fr");
    await fireEvent.click(r.getByTestId("write-follow-up"));
    await waitFor(() => expect(calls.followUpText).toHaveBeenLastCalledWith("FP-1", "fr"));
  });

  it("says why there is no checklist", async () => {
    calls.accessAnswer.mockResolvedValue(answer([], { checklist_missing: "Footprint has no checklist for access answers under the APPI yet" }));
    const r = render(AccessAnswerChecklist, { reference: "FP-1" });
    await waitFor(() => expect(r.getByTestId("checklist-missing").textContent).toContain("APPI"));
    expect(r.queryByTestId("checklist")).toBeNull();
  });

  it("steps and sums up gaps", () => {
    const items = [item("a", "yes"), item("b"), item("c", "no"), item("d")];
    expect(nextStep(items, 0)).toBe(1);
    expect(nextStep(items, 1)).toBe(3);
    expect(nextStep(items, 3)).toBe(3);
    expect(gapSummary(items.slice(0, 2))).toBe("No gaps so far.");
    expect(gapSummary([item("a", "no"), item("b", "partly"), item("c", "yes"), item("d", "no")])).toBe(
      "3 gaps: the answer lacks topic a, topic b and topic d.",
    );
  });
});
