// The company page's contact card: the directory's contacts as text, and the user's own
// contact checked before it is saved and shown once saved.
import { describe, expect, it, vi, beforeEach } from "vitest";
import { fireEvent, render, waitFor } from "@testing-library/svelte";
import type { CompanyContactInfo } from "../lib/bindings/CompanyContactInfo";

const calls = vi.hoisted(() => ({
  companyContact: vi.fn(),
  setCompanyContact: vi.fn(),
  clearCompanyContact: vi.fn(),
}));
vi.mock("../lib/api", () => ({
  api: calls,
  toAppError: (e: unknown) => e,
}));

import PrivacyContact from "./PrivacyContact.svelte";

function unknown(): CompanyContactInfo {
  return { company_id: 5, company_name: "Blue Bakery 1", directory: null, user_contact: null, known: false };
}

describe("PrivacyContact", () => {
  beforeEach(() => {
    for (const f of Object.values(calls)) f.mockReset();
  });

  it("asks for a contact when none is known and saves a valid one", async () => {
    calls.companyContact.mockResolvedValue(unknown());
    calls.setCompanyContact.mockResolvedValue({
      ...unknown(),
      known: true,
      user_contact: { key: "bluebakery1", legal_entity: null, email: "p@bakery.example", web_form: null, postal_address: null, updated: "2026-03-02" },
    });
    const r = render(PrivacyContact, { companyId: 5 });
    await waitFor(() => expect(r.getByTestId("contact-unknown")).toBeTruthy());
    await fireEvent.click(r.getByTestId("contact-edit"));
    const email = r.getByTestId("contact-email") as HTMLInputElement;
    await fireEvent.input(email, { target: { value: "nope" } });
    expect(r.getByTestId("contact-problem").textContent).toMatch(/e-mail/);
    expect((r.getByTestId("contact-save") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(email, { target: { value: " p@bakery.example " } });
    expect((r.getByTestId("contact-save") as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(r.getByTestId("contact-save"));
    await waitFor(() => expect(r.getByTestId("user-contact").textContent).toContain("p@bakery.example"));
    expect(calls.setCompanyContact).toHaveBeenCalledWith(5, {
      legal_entity: null,
      email: "p@bakery.example",
      web_form: null,
      postal_address: null,
    });
  });

  it("lists the directory's contacts with their scope and source, as text", async () => {
    calls.companyContact.mockResolvedValue({
      ...unknown(),
      known: true,
      directory: {
        matched_name: "Acme",
        slug: "acme",
        name: "Acme",
        legal_entity: null,
        parent: null,
        country: "DE",
        categories: ["retailer"],
        regimes: ["eu_gdpr"],
        contacts: [
          {
            regimes: ["eu_gdpr"],
            countries: ["DE"],
            entity: "Acme GmbH",
            email: "datenschutz@acme.example",
            dpo_email: null,
            web_form: null,
            self_service: null,
            opt_out: null,
            postal_address: "Str. 1\n10115 Berlin",
            phone: null,
            note: null,
            source: "<b>record</b>",
          },
        ],
        contact_unknown: false,
        privacy_policy: null,
        needs_id_document: null,
        identity_fields: [],
        request_language: "de",
        sources: [],
        last_verified: null,
      },
    });
    const r = render(PrivacyContact, { companyId: 5 });
    await waitFor(() => expect(r.getByTestId("directory-contacts")).toBeTruthy());
    const text = r.getByTestId("directory-contacts").textContent ?? "";
    expect(text).toContain("GDPR in DE");
    expect(text).toContain("datenschutz@acme.example");
    expect(text).toContain("Str. 1, 10115 Berlin");
    expect(text).toContain("<b>record</b>");
    expect(r.getByTestId("directory-contacts").querySelector("b")).toBeNull();
  });
});
