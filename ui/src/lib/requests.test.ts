import { describe, expect, it } from "vitest";
import type { RequestSummary } from "./bindings/RequestSummary";
import { allowedButtons, dueText, localToday, makeSpec, RIGHTS, sortRequests, userLanguage } from "./requests";

function req(id: number, over: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id,
    reference: `FP-${id}`,
    company_id: id,
    company_name: `Company ${id}`,
    directory_slug: null,
    regime: "eu_gdpr",
    regime_short_name: "GDPR",
    request_type: "erasure",
    request_type_label: "Erasure",
    channel: "email",
    status: "sent",
    status_today: "sent",
    status_label: "Sent",
    overdue: false,
    days_overdue: null,
    due_date: null,
    due_planned: false,
    created: "2026-01-01",
    sent: null,
    updated: "2026-01-01",
    next_action: null,
    deletion_check: null,
    ...over,
  };
}

describe("sortRequests", () => {
  it("puts overdue first (most late first), then by due date, undated and closed last", () => {
    const list = [
      req(1, { due_date: "2026-03-01" }),
      req(2, { status: "closed", due_date: "2026-01-01" }),
      req(3, { overdue: true, days_overdue: 2, due_date: "2026-02-10" }),
      req(4),
      req(5, { due_date: "2026-02-20" }),
      req(6, { overdue: true, days_overdue: 9, due_date: "2026-02-03" }),
    ];
    expect(sortRequests(list).map((r) => r.id)).toEqual([6, 3, 5, 1, 4, 2]);
  });

  it("shows newer requests first among equals and does not change its input", () => {
    const list = [req(1, { due_date: "2026-03-01" }), req(2, { due_date: "2026-03-01" })];
    expect(sortRequests(list).map((r) => r.id)).toEqual([2, 1]);
    expect(list.map((r) => r.id)).toEqual([1, 2]);
  });
});

describe("dueText", () => {
  it("says how late an overdue request is", () => {
    expect(dueText(req(1, { overdue: true, days_overdue: 1, due_date: "2026-02-01" }))).toBe("2026-02-01 (1 day late)");
    expect(dueText(req(1, { overdue: true, days_overdue: 3, due_date: "2026-02-01" }))).toBe("2026-02-01 (3 days late)");
  });
  it("marks a draft's date as planned and a missing one as a dash", () => {
    expect(dueText(req(1, { due_date: "2026-02-01", due_planned: true }))).toBe("2026-02-01 if sent today");
    expect(dueText(req(1, { due_date: "2026-02-01" }))).toBe("2026-02-01");
    expect(dueText(req(1))).toBe("—");
  });
});

describe("allowedButtons", () => {
  it("keeps the engine's allowed actions in display order and drops unknown ones", () => {
    const b = allowedButtons(["fulfilled", "sent", "teleported", "denied"]);
    expect(b.map((x) => x.name)).toEqual(["sent", "fulfilled", "denied"]);
    expect(b[2].action).toEqual({ action: "denied", reason: "other" });
  });
});

describe("makeSpec", () => {
  it("turns portability into an access request with the portability option", () => {
    const right = RIGHTS.find((r) => r.key === "portability")!;
    const spec = makeSpec(right, "gdpr", [{ kind: "email", value: "a@example.org" }], "2026-01-02");
    expect(spec.request_type).toBe("access");
    expect(spec.options.portability).toBe(true);
    expect(spec.identities).toHaveLength(1);
  });
  it("leaves the letter language to the company's and passes the user's own language", () => {
    const spec = makeSpec(RIGHTS[0], "gdpr", [], "2026-01-02");
    expect(spec.lang).toBeNull();
    expect(spec.user_language).toBe(userLanguage());
    expect(userLanguage({ language: "de-CH" })).toBe("de-CH");
    expect(userLanguage({ language: "" })).toBeNull();
    expect(userLanguage({})).toBeNull();
  });
  it("formats the local day with zero padding", () => {
    expect(localToday(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});
