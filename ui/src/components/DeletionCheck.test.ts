// The deletion check's verdicts on a request: still listed with the files, or not found.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/svelte";
import type { DeletionCheckView } from "../lib/bindings/DeletionCheckView";
import DeletionCheck from "./DeletionCheck.svelte";

function check(over: Partial<DeletionCheckView> = {}): DeletionCheckView {
  return {
    archive_id: 2,
    platform: "facebook",
    platform_name: "Facebook",
    export_date: "2024-06-01",
    fulfilled: "2024-04-02",
    still_listed: true,
    records: 2,
    files: ["ads_information/advertisers_using_your_activity_or_information.json"],
    relations: ["uploaded a list with your contact information"],
    checked: "2024-06-02",
    sentence: "Still listed in your Facebook export of 2024-06-01, file ads_information/advertisers_using_your_activity_or_information.json.",
    ...over,
  };
}

afterEach(cleanup);

describe("DeletionCheck", () => {
  it("shows a still-listed verdict with its evidence file", () => {
    const r = render(DeletionCheck, { checks: [check()] });
    const v = r.getByTestId("deletion-verdict");
    expect(v.dataset.stillListed).toBe("true");
    expect(v.textContent).toMatch(/Still listed/);
    expect(r.getByTestId("deletion-sentence").textContent).toMatch(/Facebook export of 2024-06-01/);
    expect(r.getByTestId("deletion-files").textContent).toContain("advertisers_using_your_activity_or_information.json");
  });

  it("shows a not-found verdict without files", () => {
    const r = render(DeletionCheck, {
      checks: [check({ still_listed: false, records: 0, files: [], sentence: "Not in your Facebook export of 2024-06-01: consistent with deletion." })],
    });
    expect(r.getByTestId("deletion-verdict").textContent).toMatch(/Not found/);
    expect(r.queryByTestId("deletion-files")).toBeNull();
  });

  it("shows nothing without a later export", () => {
    const r = render(DeletionCheck, { checks: [] });
    expect(r.queryByTestId("deletion-check")).toBeNull();
  });

  it("renders imported text as text, never as HTML", () => {
    const r = render(DeletionCheck, { checks: [check({ files: ["<img src=x onerror=alert(1)>.json"] })] });
    expect(r.container.querySelector("img")).toBeNull();
    expect(r.getByTestId("deletion-files").textContent).toContain("<img");
  });
});
