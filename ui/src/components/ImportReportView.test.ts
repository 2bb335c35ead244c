// The report keeps "understood" for parsers only: indexed files are counted and named apart.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render } from "@testing-library/svelte";

afterEach(cleanup);
import ImportReportView from "./ImportReportView.svelte";
import type { ImportReport } from "../lib/bindings/ImportReport";
import { nav } from "../lib/nav.svelte";

const report: ImportReport = {
  platform: "x",
  platform_name: "Some Platform",
  account: null,
  reason: "found its markers",
  sources: ["/e.zip"],
  files_total: 5,
  files_parsed: 2,
  files_indexed: 2,
  files_skipped: 1,
  files_unknown: 0,
  files_failed: 0,
  junk_dropped: 0,
  bytes_total: 5000,
  bytes_parsed: 3000,
  bytes_indexed: 1500,
  bytes_skipped: 500,
  bytes_unknown: 0,
  records: 40,
  records_seen: 40,
  duplicates: 0,
  identities: 0,
  warnings: [],
  warnings_total: 0,
  files: [
    { path: "a.json", role: "parse", detail: "x_posts", bytes: 3000, records: 30, warnings: 0, error: null },
    { path: "odd.csv", role: "index", detail: "csv", bytes: 1000, records: 8, warnings: 0, error: null },
    { path: "odd.json", role: "index", detail: "json", bytes: 500, records: 2, warnings: 0, error: null },
  ],
  duration_ms: 1200,
};

describe("ImportReportView", () => {
  it("tells indexed files from understood ones and links to them", async () => {
    const { getByTestId, container } = render(ImportReportView, { report });
    expect(getByTestId("report-summary").textContent).toContain("2 files");
    expect(getByTestId("report-indexed").textContent).toContain("2 files are indexed, not understood");
    const roles = [...container.querySelectorAll("tbody tr td:nth-child(2)")].map((td) => td.textContent?.replace(/\s+/g, " ").trim());
    expect(roles).toEqual(["read (x_posts)", "indexed, not understood (csv)", "indexed, not understood (json)"]);
    await fireEvent.click(getByTestId("see-indexed"));
    expect(nav.route).toEqual({ screen: "explorer", filter: { category: "unclassified" } });
  });

  it("says nothing about indexing when nothing was indexed", () => {
    const { queryByTestId } = render(ImportReportView, { report: { ...report, files_indexed: 0, bytes_indexed: 0 } });
    expect(queryByTestId("report-indexed")).toBeNull();
  });
});
