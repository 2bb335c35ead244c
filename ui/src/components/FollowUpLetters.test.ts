// The Reminder and Complaint buttons of a request: shown as the engine allows, each opening
// its letter preview; the reminder saves through the request letter path.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/svelte";

const calls = vi.hoisted(() => ({
  letterText: vi.fn(),
  saveLetter: vi.fn(),
  authorities: vi.fn(),
  residence: vi.fn(),
  setResidence: vi.fn(),
  complaintPreview: vi.fn(),
  saveComplaint: vi.fn(),
}));
vi.mock("../lib/api", () => ({
  api: calls,
  toAppError: (e: unknown) => e,
}));

import FollowUpLetters from "./FollowUpLetters.svelte";

afterEach(cleanup);

describe("FollowUpLetters", () => {
  beforeEach(() => {
    for (const f of Object.values(calls)) f.mockReset();
  });

  it("shows no button when no follow-up fits", () => {
    const r = render(FollowUpLetters, { reference: "FP-1", company: "Acxiom", letters: [] });
    expect(r.queryByTestId("follow-up-letters")).toBeNull();
  });

  it("opens the reminder preview and saves it as an e-mail draft", async () => {
    calls.letterText.mockResolvedValue("Reminder: my data is still held after my erasure request");
    calls.saveLetter.mockResolvedValue({ path: "/d/letters/FP-1-reminder.eml", subject: "s", to_email: "privacy@acxiom.example", web_form: null, notes_for_user: [] });
    const r = render(FollowUpLetters, { reference: "FP-1", company: "Acxiom", letters: ["reminder", "complaint"] });
    expect(r.getByTestId("follow-up-complaint")).toBeTruthy();
    await fireEvent.click(r.getByTestId("follow-up-reminder"));
    await waitFor(() => expect(r.getByTestId("reminder-preview").textContent).toMatch(/still held/));
    expect(calls.letterText).toHaveBeenCalledWith("FP-1", "reminder");
    await fireEvent.click(r.getByTestId("reminder-eml"));
    expect(calls.saveLetter).toHaveBeenCalledWith("FP-1", "eml", "reminder");
    await waitFor(() => expect(r.getByTestId("reminder-saved").textContent).toMatch(/privacy@acxiom.example/));
    await fireEvent.click(r.getByTestId("reminder-dialog-close"));
    expect(r.queryByTestId("reminder-dialog")).toBeNull();
  });
});
