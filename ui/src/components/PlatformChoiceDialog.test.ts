// An ambiguous export asks which platform it is: every candidate is listed with why it
// matched, and the chosen id (not its name) goes back to the import.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render } from "@testing-library/svelte";

afterEach(cleanup);
import PlatformChoiceDialog from "./PlatformChoiceDialog.svelte";
import type { PlatformChoice } from "../lib/bindings/PlatformChoice";

const choices: PlatformChoice[] = [
  { id: "facebook", name: "Facebook", reason: "found messages/inbox/ (shared by Meta exports)", confidence: 0.3 },
  { id: "instagram", name: "Instagram", reason: "found personal_information/ (shared by Meta exports)", confidence: 0.3 },
];

function setup() {
  const onchoose = vi.fn();
  const oncancel = vi.fn();
  const view = render(PlatformChoiceDialog, {
    choices,
    sources: ["/home/sam/Downloads/meta-export-2024.zip"],
    onchoose,
    oncancel,
  });
  return { ...view, onchoose, oncancel };
}

describe("PlatformChoiceDialog", () => {
  it("lists every candidate with its reason and names the export", () => {
    const { getAllByTestId, getByRole, container } = setup();
    expect(getByRole("dialog").getAttribute("aria-modal")).toBe("true");
    expect(getAllByTestId("choose-platform").map((b) => b.textContent?.trim())).toEqual(["Facebook", "Instagram"]);
    expect(getAllByTestId("choice-reason").map((r) => r.textContent)).toEqual(choices.map((c) => c.reason));
    expect(container.textContent).toContain("meta-export-2024.zip");
    expect(container.textContent).not.toContain("/home/sam");
  });

  it("hands back the chosen platform's id", async () => {
    const { getAllByTestId, onchoose, oncancel } = setup();
    await fireEvent.click(getAllByTestId("choose-platform")[1]);
    expect(onchoose).toHaveBeenCalledWith("instagram");
    expect(oncancel).not.toHaveBeenCalled();
  });

  it("can be put aside, with the button or Escape", async () => {
    const { getByTestId, getByRole, onchoose, oncancel } = setup();
    await fireEvent.click(getByTestId("choose-later"));
    await fireEvent.keyDown(getByRole("dialog"), { key: "Escape" });
    expect(oncancel).toHaveBeenCalledTimes(2);
    expect(onchoose).not.toHaveBeenCalled();
  });

  it("shows reasons as text, never as markup", () => {
    const hostile = [{ ...choices[0], reason: "<img src=x onerror=alert(1)>" }, choices[1]];
    const { container } = render(PlatformChoiceDialog, { choices: hostile, sources: ["x.zip"], onchoose: () => {}, oncancel: () => {} });
    expect(container.querySelector("img")).toBeNull();
    expect(container.textContent).toContain("<img src=x onerror=alert(1)>");
  });
});
