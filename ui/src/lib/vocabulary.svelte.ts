// The engine's words for categories, relations and platforms, loaded once.
import { api } from "./api";
import type { Vocabulary } from "./bindings/Vocabulary";

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
    return this.data.platforms.find((t) => t.key === key)?.label ?? key;
  }
}

export const words = new Words();
