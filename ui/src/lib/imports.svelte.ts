// The import jobs of this session, shared by every screen (a runes store fed by events).
import { api, onImportEvent } from "./api";
import type { ImportJob } from "./bindings/ImportJob";
import { applyEvent, isActive, queued, type JobView } from "./jobs";

class ImportJobs {
  list = $state<JobView[]>([]);
  /** Bumped when an import finishes: screens reload their data on change. */
  generation = $state(0);
  active = $derived(this.list.filter(isActive).length);

  add(jobs: ImportJob[]) {
    this.list = [...jobs.map(queued), ...this.list];
  }

  /** Runs a failed import again as the platform the user chose (an ambiguous export). */
  async importAs(failed: JobView, platform: string) {
    const jobs = await api.startImport(failed.sources, platform);
    this.list = [...jobs.map(queued), ...this.list.filter((j) => j.id !== failed.id)];
  }

  async cancel(id: number) {
    this.list = this.list.map((j) => (j.id === id ? { ...j, cancelRequested: true } : j));
    await api.cancelImport(id);
  }

  clearFinished() {
    this.list = this.list.filter(isActive);
  }
}

export const importJobs = new ImportJobs();

/** Starts listening to the backend's import events (once, at app start). */
export async function listenToImports(): Promise<void> {
  await onImportEvent((event) => {
    importJobs.list = applyEvent(importJobs.list, event);
    if (event.type === "finished") importJobs.generation += 1;
  });
}
