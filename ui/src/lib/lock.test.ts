import { describe, expect, it } from "vitest";
import { newPassphraseProblem, passphraseProblem } from "./lock.svelte";

describe("passphrases", () => {
  it("refuses an empty, short or mistyped new passphrase", () => {
    expect(newPassphraseProblem("", "")).toBe("Type a passphrase.");
    expect(newPassphraseProblem("short", "short")).toContain("at least 8");
    expect(newPassphraseProblem("long enough words", "long enough word")).toBe("The two passphrases differ.");
    expect(newPassphraseProblem("long enough words", "long enough words")).toBeNull();
  });

  it("says a wrong passphrase in plain words and passes other messages on", () => {
    expect(passphraseProblem("wrong_passphrase", "wrong passphrase for database /x")).toContain("does not open");
    expect(passphraseProblem("busy", "An import is running")).toBe("An import is running");
  });
});
