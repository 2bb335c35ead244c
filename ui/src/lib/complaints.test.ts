import { describe, expect, it } from "vitest";
import type { AuthorityOption } from "./bindings/AuthorityOption";
import { authorityGroups, complaintTo, followUpButtons, residenceCountries, residenceLabel } from "./complaints";

function authority(slug: string, country: string, region: string | null = null): AuthorityOption {
  return { slug, name: `Authority ${slug}`, country, region, scope: "general" };
}

describe("follow-up letters", () => {
  it("offers the buttons the engine allows, reminder first", () => {
    expect(followUpButtons(["complaint", "reminder"]).map((b) => b.label)).toEqual(["Reminder", "Complaint"]);
    expect(followUpButtons(["complaint"]).map((b) => b.kind)).toEqual(["complaint"]);
    expect(followUpButtons([])).toEqual([]);
  });
});

describe("complaint target", () => {
  const home = { country: "DE", region: "BY" };
  it("sends the residence, the lead choice or the picked authority", () => {
    expect(complaintTo("residence", home, "nlap")).toEqual({ country: "DE", region: "BY", lead: false, authority: null });
    expect(complaintTo("lead", home, "nlap")).toEqual({ country: null, region: null, lead: true, authority: null });
    expect(complaintTo("chosen", home, "nlap")).toEqual({ country: null, region: null, lead: false, authority: "nlap" });
  });
  it("names the residence with its Land", () => {
    expect(residenceLabel(home)).toBe("Germany (Bayern)");
    expect(residenceLabel({ country: "FR", region: null })).toBe("France");
    expect(residenceLabel({ country: null, region: null })).toBeNull();
  });
});

describe("authority lists", () => {
  const list = [authority("deb", "DE", "BY"), authority("fr", "FR"), authority("deh", "DE", "HH"), authority("at", "AT")];
  it("groups authorities by country name", () => {
    const groups = authorityGroups(list);
    expect(groups.map((g) => g.country)).toEqual(["Austria", "France", "Germany"]);
    expect(groups[2].authorities.map((a) => a.slug)).toEqual(["deb", "deh"]);
  });
  it("lists each country with an authority once", () => {
    expect(residenceCountries(list)).toEqual([
      { code: "AT", name: "Austria" },
      { code: "FR", name: "France" },
      { code: "DE", name: "Germany" },
    ]);
  });
});
