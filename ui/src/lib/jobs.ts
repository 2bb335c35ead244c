// The state of import jobs as the UI shows them, updated from `import` events. Pure functions:
// the runes store (imports.svelte.ts) only holds the array.
import type { ImportEvent } from "./bindings/ImportEvent";
import type { ImportJob } from "./bindings/ImportJob";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { Progress } from "./bindings/Progress";
import type { CommandError } from "./bindings/CommandError";

export type JobStatus = "waiting" | "running" | "done" | "failed" | "cancelled";

export interface JobView {
  id: number;
  sources: string[];
  status: JobStatus;
  progress: Progress | null;
  outcome: ImportOutcome | null;
  error: CommandError | null;
  /** The user asked to cancel; the engine confirms with a `cancelled` failure. */
  cancelRequested: boolean;
}

export function queued(job: ImportJob): JobView {
  return {
    id: job.id,
    sources: job.sources,
    status: "waiting",
    progress: null,
    outcome: null,
    error: null,
    cancelRequested: false,
  };
}

/** Applies one event to the job list (events of unknown jobs are ignored). */
export function applyEvent(jobs: JobView[], event: ImportEvent): JobView[] {
  return jobs.map((job) => {
    if (job.id !== event.job) return job;
    switch (event.type) {
      case "progress":
        // A late progress event must not revive a finished job.
        if (job.status !== "waiting" && job.status !== "running") return job;
        return { ...job, status: "running", progress: event.progress };
      case "finished":
        return { ...job, status: "done", outcome: event.outcome };
      case "failed":
        return {
          ...job,
          status: event.error.code === "cancelled" ? "cancelled" : "failed",
          error: event.error,
        };
    }
  });
}

export function isActive(job: JobView): boolean {
  return job.status === "waiting" || job.status === "running";
}

/** Fraction of bytes done (0..1), or null while the total is unknown. */
export function fractionDone(progress: Progress | null): number | null {
  if (!progress || progress.bytes_total <= 0) return null;
  return Math.min(1, progress.bytes_done / progress.bytes_total);
}

/** The first failed job that asks which platform its export is (a tie the user resolves),
 * leaving out the jobs the user put aside. */
export function firstAmbiguous(jobs: JobView[], putAside: ReadonlySet<number>): JobView | null {
  return (
    jobs.find(
      (j) => j.status === "failed" && j.error?.code === "ambiguous" && (j.error.choices?.length ?? 0) > 1 && !putAside.has(j.id),
    ) ?? null
  );
}
