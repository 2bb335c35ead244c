import { describe, expect, it } from "vitest";
import type { DirectoryContact } from "./bindings/DirectoryContact";
import { contactScope, coverageText, formFrom, formProblem, reachable, toInput } from "./contacts";

function contact(over: Partial<DirectoryContact> = {}): DirectoryContact {
  return {
    regimes: [],
    countries: [],
    entity: null,
    email: null,
    dpo_email: null,
    web_form: null,
    self_service: null,
    opt_out: null,
    postal_address: null,
    phone: null,
    note: null,
    source: null,
    ...over,
  };
}

describe("coverage", () => {
  it("says how many companies have a contact", () => {
    const c = { companies: 49, known: 40, known_by_user: 1, third_parties: 48, third_parties_in_directory: 39, third_parties_with_email_or_form: 38 };
    expect(coverageText(c)).toBe("Privacy contact known for 40 of your 49 companies");
    expect(coverageText({ ...c, companies: 1, known: 0 })).toBe("Privacy contact known for 0 of your 1 company");
  });
});

describe("directory contacts", () => {
  it("names the laws and countries a contact serves", () => {
    expect(contactScope(contact())).toBe("any law");
    expect(contactScope(contact({ regimes: ["eu_gdpr", "ch_nfadp"], countries: ["DE", "AT"] }))).toBe("GDPR, Swiss FADP in DE, AT");
    expect(contactScope(contact({ regimes: ["mars_law"] }))).toBe("mars_law");
  });
  it("is reachable with an e-mail or a form, not with a postal address alone", () => {
    expect(reachable(contact({ email: "a@b.example" }))).toBe(true);
    expect(reachable(contact({ web_form: "https://b.example/f" }))).toBe(true);
    expect(reachable(contact({ postal_address: "1 Road" }))).toBe(false);
  });
});

describe("the user's contact form", () => {
  it("trims and sends empty fields as null", () => {
    const f = { ...formFrom(null), email: "  me@shop.example ", postal_address: "1 Road\nTown" };
    expect(toInput(f)).toEqual({ legal_entity: null, email: "me@shop.example", web_form: null, postal_address: "1 Road\nTown" });
  });
  it("refuses an empty form, a malformed e-mail and a form without https", () => {
    expect(formProblem(formFrom(null))).toMatch(/at least one/);
    expect(formProblem({ ...formFrom(null), email: "nope" })).toMatch(/e-mail/);
    expect(formProblem({ ...formFrom(null), web_form: "http://shop.example/f" })).toMatch(/https/);
    expect(formProblem({ ...formFrom(null), web_form: "https://shop.example/privacy" })).toBeNull();
  });
  it("starts from the saved contact", () => {
    const f = formFrom({ key: "dir:acme", legal_entity: null, email: "p@acme.example", web_form: null, postal_address: null, updated: "2026-03-02" });
    expect(f.email).toBe("p@acme.example");
    expect(f.legal_entity).toBe("");
  });
});
