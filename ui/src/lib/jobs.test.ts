import { describe, expect, it } from "vitest";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { Progress } from "./bindings/Progress";
import { applyEvent, firstAmbiguous, fractionDone, isActive, queued } from "./jobs";

const progress = (bytes_done: number, bytes_total: number): Progress => ({
  phase: "importing",
  bytes_done,
  bytes_total,
  records: 10,
  files_done: 1,
  files_total: 3,
  current_file: "a.json",
});

const outcome = { archive_id: 1, already_imported: false } as ImportOutcome;

describe("import jobs", () => {
  const jobs = [queued({ id: 1, sources: ["/a.zip"] }), queued({ id: 2, sources: ["/b.zip"] })];

  it("starts waiting and runs on progress", () => {
    expect(jobs[0].status).toBe("waiting");
    const next = applyEvent(jobs, { type: "progress", job: 1, progress: progress(5, 10) });
    expect(next[0].status).toBe("running");
    expect(next[0].progress?.bytes_done).toBe(5);
    expect(next[1]).toBe(jobs[1]);
  });

  it("finishes, fails and cancels", () => {
    let next = applyEvent(jobs, { type: "finished", job: 1, outcome });
    expect(next[0].status).toBe("done");
    expect(isActive(next[0])).toBe(false);
    next = applyEvent(next, {
      type: "failed",
      job: 2,
      error: { code: "cancelled", message: "import cancelled; nothing was saved" },
    });
    expect(next[1].status).toBe("cancelled");
    const failed = applyEvent(jobs, {
      type: "failed",
      job: 2,
      error: { code: "not_recognized", message: "no importer" },
    });
    expect(failed[1].status).toBe("failed");
    expect(failed[1].error?.code).toBe("not_recognized");
  });

  it("ignores a late progress event after the end", () => {
    const done = applyEvent(jobs, { type: "finished", job: 1, outcome });
    const late = applyEvent(done, { type: "progress", job: 1, progress: progress(9, 10) });
    expect(late[0].status).toBe("done");
  });

  it("ignores events of unknown jobs", () => {
    const next = applyEvent(jobs, { type: "finished", job: 99, outcome });
    expect(next).toEqual(jobs);
  });

  it("computes the fraction of bytes done", () => {
    expect(fractionDone(null)).toBeNull();
    expect(fractionDone(progress(0, 0))).toBeNull();
    expect(fractionDone(progress(25, 100))).toBe(0.25);
    expect(fractionDone(progress(120, 100))).toBe(1);
  });
});

describe("ambiguous exports", () => {
  const failed = (id: number, code: string, choices?: { id: string; name: string; reason: string; confidence: number }[]) => ({
    ...queued({ id, sources: [`/${id}.zip`] }),
    status: "failed" as const,
    error: { code, message: "m", choices },
  });
  const two = [
    { id: "facebook", name: "Facebook", reason: "r", confidence: 0.3 },
    { id: "instagram", name: "Instagram", reason: "r", confidence: 0.3 },
  ];

  it("asks for the first tie not put aside", () => {
    const jobs = [failed(1, "corrupt"), failed(2, "ambiguous", two), failed(3, "ambiguous", two)];
    expect(firstAmbiguous(jobs, new Set())?.id).toBe(2);
    expect(firstAmbiguous(jobs, new Set([2]))?.id).toBe(3);
    expect(firstAmbiguous(jobs, new Set([2, 3]))).toBeNull();
    // A tie without choices (an older engine) cannot be asked about.
    expect(firstAmbiguous([failed(4, "ambiguous")], new Set())).toBeNull();
  });
});
