// The lock screen: a passphrase opens the database; when the keyring refused to remember it,
// the screen says so (with the keyring's words) before the app goes on, instead of only a
// console line.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/svelte";

const calls = vi.hoisted(() => ({ unlock: vi.fn() }));
const lockState = vi.hoisted(() => ({
  lock: { status: { db_path: "/home/me/.local/share/footprint/footprint.db" }, refresh: vi.fn() },
  passphraseProblem: (_code: string, message: string) => message,
}));
vi.mock("../lib/api", () => ({ api: calls, toAppError: (e: unknown) => e }));
vi.mock("../lib/lock.svelte", () => lockState);

import LockScreen from "./LockScreen.svelte";

beforeEach(() => {
  calls.unlock.mockReset();
  lockState.lock.refresh.mockReset();
});
afterEach(cleanup);

async function typeAndUnlock(r: { getByTestId: (id: string) => HTMLElement }, remember: boolean) {
  await fireEvent.input(r.getByTestId("lock-passphrase"), { target: { value: "correct horse battery" } });
  if (remember) await fireEvent.click(r.getByTestId("lock-remember"));
  await fireEvent.click(r.getByTestId("unlock"));
}

describe("LockScreen", () => {
  it("goes on at once when the database opens and the keyring had nothing to say", async () => {
    calls.unlock.mockResolvedValue({});
    const onunlocked = vi.fn();
    const r = render(LockScreen, { onunlocked });
    await typeAndUnlock(r, false);
    await waitFor(() => expect(onunlocked).toHaveBeenCalledTimes(1));
    expect(calls.unlock).toHaveBeenCalledWith("correct horse battery", false);
    expect(r.queryByTestId("lock-keyring-note")).toBeNull();
  });

  it("says the keyring refused to remember the passphrase, and goes on when asked", async () => {
    calls.unlock.mockResolvedValue({ keyring_error: "no Secret Service <b>running</b>" });
    const onunlocked = vi.fn();
    const r = render(LockScreen, { onunlocked });
    await typeAndUnlock(r, true);
    const note = await r.findByTestId("lock-keyring-note");
    expect(calls.unlock).toHaveBeenCalledWith("correct horse battery", true);
    expect(note.textContent).toMatch(/ask for it again next time/);
    // The keyring's message is shown as text, never as HTML.
    expect(r.getByTestId("lock-keyring-error").textContent).toBe("no Secret Service <b>running</b>");
    expect(note.querySelector("b")).toBeNull();
    expect(onunlocked).not.toHaveBeenCalled();
    await fireEvent.click(r.getByTestId("lock-continue"));
    expect(onunlocked).toHaveBeenCalledTimes(1);
  });

  it("keeps the form with a problem when the passphrase is wrong", async () => {
    calls.unlock.mockRejectedValue({ code: "wrong_passphrase", message: "This passphrase does not open it." });
    const onunlocked = vi.fn();
    const r = render(LockScreen, { onunlocked });
    await typeAndUnlock(r, false);
    expect((await r.findByTestId("lock-problem")).textContent).toBe("This passphrase does not open it.");
    expect(onunlocked).not.toHaveBeenCalled();
  });
});
