import { describe, expect, it } from "vitest";
import { demoStatus } from "./demo.svelte";
import type { ArchiveSummary } from "./bindings/ArchiveSummary";

function archive(id: number, demo: boolean): ArchiveSummary {
  return {
    id, platform: "p", platform_name: "P", account: null, sources: [], imported_at: 0, export_date: null,
    records: 1, files_total: 1, files_parsed: 1, files_indexed: 0, files_skipped: 0, files_unknown: 0, bytes: 1, demo,
  };
}

describe("demoStatus", () => {
  it("counts demo archives apart from the user's own", () => {
    expect(demoStatus([])).toEqual({ demo: 0, own: 0 });
    expect(demoStatus([archive(1, true), archive(2, true)])).toEqual({ demo: 2, own: 0 });
    expect(demoStatus([archive(1, true), archive(2, false)])).toEqual({ demo: 1, own: 1 });
  });
});
