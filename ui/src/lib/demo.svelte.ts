// Whether Footprint's invented demo data is loaded, and removing it. The banner in App.svelte
// reads this; it is refreshed at start, after every finished import and after removals.
import { api } from "./api";
import type { ArchiveSummary } from "./bindings/ArchiveSummary";

/** What the banner says, from the archives list. */
export function demoStatus(archives: ArchiveSummary[]): { demo: number; own: number } {
  const demo = archives.filter((a) => a.demo).length;
  return { demo, own: archives.length - demo };
}

class DemoData {
  demo = $state(0);
  own = $state(0);
  removing = $state(false);

  async refresh() {
    const s = demoStatus(await api.archives().catch(() => []));
    this.demo = s.demo;
    this.own = s.own;
  }

  async remove() {
    this.removing = true;
    try {
      await api.removeDemo();
    } finally {
      this.removing = false;
      await this.refresh();
    }
  }
}

export const demoData = new DemoData();
