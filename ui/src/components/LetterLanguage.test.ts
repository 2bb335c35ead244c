// The letter-language menu: shows the request's language, stores another one on the request
// and hands the stored request back; a refused change is shown and nothing is handed back.
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/svelte";
import type { RequestDetail } from "../lib/bindings/RequestDetail";

const calls = vi.hoisted(() => ({ setRequestLang: vi.fn() }));
vi.mock("../lib/api", () => ({
  api: calls,
  toAppError: (e: unknown) => e,
}));

import LetterLanguage from "./LetterLanguage.svelte";

describe("LetterLanguage", () => {
  beforeEach(() => calls.setRequestLang.mockReset());
  afterEach(() => cleanup());

  it("preselects the request's language and offers English, German and French", () => {
    const r = render(LetterLanguage, { reference: "FP-1", lang: "de", onchange: vi.fn() });
    const select = r.getByTestId("letter-lang") as HTMLSelectElement;
    expect(select.value).toBe("de");
    expect([...select.options].map((o) => o.textContent)).toEqual(["English", "Deutsch", "Français"]);
  });

  it("stores the chosen language and hands back the stored request", async () => {
    const stored = { letter_lang: "fr" } as RequestDetail;
    calls.setRequestLang.mockResolvedValue(stored);
    const onchange = vi.fn();
    const r = render(LetterLanguage, { reference: "FP-1", lang: "de", onchange });
    await fireEvent.change(r.getByTestId("letter-lang"), { target: { value: "fr" } });
    await waitFor(() => expect(onchange).toHaveBeenCalledWith(stored));
    expect(calls.setRequestLang).toHaveBeenCalledWith("FP-1", "fr");
  });

  it("shows a refused change and keeps the letter as it was", async () => {
    // A plain function: vitest reports a rejection from a vi.fn as the test's own error.
    const asked: string[] = [];
    const spy = calls.setRequestLang;
    const api = calls as unknown as { setRequestLang: (r: string, l: string) => Promise<never> };
    api.setRequestLang = async (r, l) => {
      asked.push(`${r} ${l}`);
      throw { code: "busy", message: "An import is running" };
    };
    onTestFinished(() => {
      calls.setRequestLang = spy;
    });
    const onchange = vi.fn();
    const r = render(LetterLanguage, { reference: "FP-1", lang: "en", onchange });
    await fireEvent.change(r.getByTestId("letter-lang"), { target: { value: "de" } });
    await waitFor(() => expect(r.getByTestId("letter-lang-error").textContent).toContain("An import is running"));
    expect(asked).toEqual(["FP-1 de"]);
    expect(onchange).not.toHaveBeenCalled();
    expect((r.getByTestId("letter-lang") as HTMLSelectElement).value).toBe("en");
  });
});
