// The complaint dialog: asks for the country of residence when none is stored (and stores
// it), previews the complaint for the chosen authority, and saves it with that choice.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/svelte";

const calls = vi.hoisted(() => ({
  authorities: vi.fn(),
  residence: vi.fn(),
  setResidence: vi.fn(),
  complaintPreview: vi.fn(),
  saveComplaint: vi.fn(),
}));
vi.mock("../lib/api", () => ({
  api: calls,
  toAppError: (e: unknown) => e,
}));

import ComplaintDialog from "./ComplaintDialog.svelte";

const AUTHORITIES = [
  { slug: "frcnil", name: "CNIL", country: "FR", region: null, scope: "general" },
  { slug: "nlap", name: "Autoriteit Persoonsgegevens", country: "NL", region: null, scope: "general" },
];

function preview(name: string) {
  return { text: `To ${name}\n\nI wish to lodge a complaint`, recipient: { slug: null, name, why: "the authority you chose" }, notes_for_user: [] };
}

afterEach(cleanup);

describe("ComplaintDialog", () => {
  beforeEach(() => {
    for (const f of Object.values(calls)) f.mockReset();
    calls.authorities.mockResolvedValue(AUTHORITIES);
  });

  it("asks where the user lives, stores it and previews the complaint to that authority", async () => {
    calls.residence.mockResolvedValue({ country: null, region: null });
    calls.setResidence.mockResolvedValue({ country: "FR", region: null });
    calls.complaintPreview.mockResolvedValue(preview("CNIL"));
    const r = render(ComplaintDialog, { reference: "FP-1", company: "Acxiom", onclose: () => {} });
    const country = (await waitFor(() => r.getByTestId("residence-country"))) as HTMLSelectElement;
    expect(country.textContent).toContain("France");
    expect(calls.complaintPreview).not.toHaveBeenCalled();
    await fireEvent.change(country, { target: { value: "FR" } });
    expect(calls.setResidence).toHaveBeenCalledWith({ country: "FR", region: null });
    await waitFor(() => expect(r.getByTestId("complaint-recipient").textContent).toMatch(/CNIL/));
    expect(calls.complaintPreview).toHaveBeenLastCalledWith("FP-1", { country: "FR", region: null, lead: false, authority: null });
    expect(r.getByTestId("complaint-preview").textContent).toMatch(/lodge a complaint/);
  });

  it("previews and saves the complaint to an authority picked from the list", async () => {
    calls.residence.mockResolvedValue({ country: "FR", region: null });
    calls.complaintPreview.mockImplementation((_ref: string, to: { authority: string | null }) =>
      Promise.resolve(preview(to.authority === "nlap" ? "Autoriteit Persoonsgegevens" : "CNIL")),
    );
    calls.saveComplaint.mockResolvedValue({ path: "/data/letters/FP-1-complaint.pdf", subject: "s", to_email: "info@ap.nl", web_form: null, notes_for_user: [] });
    const r = render(ComplaintDialog, { reference: "FP-1", company: "Acxiom", onclose: () => {} });
    await waitFor(() => expect(r.getByTestId("complaint-recipient").textContent).toMatch(/CNIL/));
    await fireEvent.click(r.getByTestId("target-chosen"));
    await fireEvent.change(r.getByTestId("authority-select"), { target: { value: "nlap" } });
    await waitFor(() => expect(r.getByTestId("complaint-recipient").textContent).toMatch(/Autoriteit/));
    await fireEvent.click(r.getByTestId("complaint-pdf"));
    expect(calls.saveComplaint).toHaveBeenCalledWith("FP-1", "pdf", { country: null, region: null, lead: false, authority: "nlap" });
    await waitFor(() => expect(r.getByTestId("complaint-saved").textContent).toMatch(/info@ap.nl/));
  });

  it("shows why the lead authority cannot be chosen", async () => {
    calls.residence.mockResolvedValue({ country: "FR", region: null });
    calls.complaintPreview.mockImplementation((_ref: string, to: { lead: boolean }) =>
      to.lead ? Promise.reject({ code: "invalid", message: "the company's lead authority needs the company's country" }) : Promise.resolve(preview("CNIL")),
    );
    const r = render(ComplaintDialog, { reference: "FP-1", company: "Acxiom", onclose: () => {} });
    await waitFor(() => expect(r.getByTestId("complaint-recipient")).toBeTruthy());
    await fireEvent.click(r.getByTestId("target-lead"));
    await waitFor(() => expect(r.container.textContent).toMatch(/needs the company's country/));
    expect(r.queryByTestId("complaint-preview")).toBeNull();
  });
});
