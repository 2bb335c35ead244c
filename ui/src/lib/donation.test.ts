import { describe, expect, it } from "vitest";
import type { Plan } from "./bindings/Plan";
import type { StudyInfo } from "./bindings/StudyInfo";
import { asksFor, choose, leavingText, noChoices, recordId } from "./donation";

const study: StudyInfo = {
  id: "pilot",
  title: "A pilot",
  researcher: "A lab",
  contact: "lab@university.example",
  description: null,
  platforms: null,
  categories: ["searches", "location"],
  kinds: null,
  drop_message_text: true,
  with_identities: false,
};

describe("choices", () => {
  it("unticking adds to the exclusions once, ticking takes it back out", () => {
    let c = choose(noChoices(), "category", "messages", false);
    c = choose(c, "category", "messages", false);
    expect(c.excluded_categories).toEqual(["messages"]);
    c = choose(c, "platform", "x", false);
    c = choose(c, "file", 7, false);
    c = choose(c, "record", "42", false);
    expect(c).toEqual({ excluded_categories: ["messages"], excluded_platforms: ["x"], excluded_files: [7], excluded_records: [42] });
    c = choose(c, "category", "messages", true);
    c = choose(c, "file", 7, true);
    expect(c.excluded_categories).toEqual([]);
    expect(c.excluded_files).toEqual([]);
    expect(c.excluded_platforms).toEqual(["x"]);
  });
});

describe("what the study asks for", () => {
  it("names categories by their labels and says what is left out", () => {
    const lines = asksFor(study, (k) => k.toUpperCase(), (k) => `platform ${k}`);
    expect(lines[0]).toBe("Data categories: SEARCHES, LOCATION");
    expect(lines[1]).toBe("Platforms: all you imported");
    expect(lines).toContain("The text of your messages is left out.");
    expect(lines).toContain("Your own identifiers are not included.");
    const more = asksFor({ ...study, platforms: ["x"], kinds: ["search"], with_identities: true, categories: null }, (k) => k, (k) => `platform ${k}`);
    expect(more[0]).toBe("Data categories: all");
    expect(more[1]).toBe("Platforms: platform x");
    expect(more).toContain("Only these kinds of records: search");
    expect(more.some((l) => l.startsWith("Your own identifiers (names"))).toBe(true);
  });
});

describe("the plan", () => {
  const plan = (records: number, excluded: number): Plan => ({ categories: [], platforms: [], files: [], records, excluded_records: excluded, tables: [] });
  it("says how many records would leave", () => {
    expect(leavingText(plan(1234, 0))).toBe("1,234 records would leave.");
    expect(leavingText(plan(1, 2))).toBe("1 record would leave, 2 left out one by one.");
  });
  it("finds a preview row's record id only in the records table", () => {
    expect(recordId("records", ["record_id", "title"], ["17", "x"])).toBe(17);
    expect(recordId("companies", ["company_id"], ["17"])).toBeNull();
    expect(recordId("records", ["record_id"], [null])).toBeNull();
  });
});
