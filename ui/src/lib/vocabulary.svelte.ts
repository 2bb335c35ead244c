// The engine's words for categories, relations and platforms, loaded once. Platforms come
// with their descriptors (company, how to get the export, chart colour): the UI names no
// platform itself.
import { api } from "./api";
import type { Vocabulary } from "./bindings/Vocabulary";
import type { PlatformTerm } from "./bindings/PlatformTerm";

/** "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

class Words {
  data = $state<Vocabulary>({ categories: [], relations: [], platforms: [] });

  async load() {
    this.data = await api.vocabulary();
  }

  category(key: string): string {
    return this.data.categories.find((t) => t.key === key)?.label ?? key.replaceAll("_", " ");
  }
  relation(key: string): string {
    return this.data.relations.find((t) => t.key === key)?.label ?? key.replaceAll("_", " ");
  }
  platform(key: string): string {
    return this.platformTerm(key)?.label ?? key;
  }
  platformTerm(key: string): PlatformTerm | undefined {
    return this.data.platforms.find((t) => t.key === key);
  }
  /** Every platform's name, for sentences: "Google Takeout, Facebook and X (Twitter)". */
  platformNames(): string {
    return joinNames(this.data.platforms.map((p) => p.label));
  }
}

export const words = new Words();
