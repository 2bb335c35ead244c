// The words and small decisions of follow-up letters: which of "Reminder" and "Complaint" a
// request offers, whom a complaint goes to (the user's country of residence, the company's
// lead authority, or one picked from the list), and the authorities grouped by country.
import type { AuthorityOption } from "./bindings/AuthorityOption";
import type { ComplaintTo } from "./bindings/ComplaintTo";
import type { LetterType } from "./bindings/LetterType";
import type { Residence } from "./bindings/Residence";

/** The follow-up buttons, in the order shown, for the letters the engine says fit now. */
export function followUpButtons(letters: LetterType[]): { kind: LetterType; label: string }[] {
  const all: { kind: LetterType; label: string }[] = [
    { kind: "reminder", label: "Reminder" },
    { kind: "complaint", label: "Complaint" },
  ];
  return all.filter((b) => letters.includes(b.kind));
}

/** Whose authority a complaint goes to. */
export type Target = "residence" | "lead" | "chosen";

/** The engine's complaint target for the choice (`slug` only matters for "chosen"). */
export function complaintTo(target: Target, residence: Residence, slug: string | null): ComplaintTo {
  switch (target) {
    case "lead":
      return { country: null, region: null, lead: true, authority: null };
    case "chosen":
      return { country: null, region: null, lead: false, authority: slug };
    default:
      return { country: residence.country, region: residence.region, lead: false, authority: null };
  }
}

/** A country's name in English from its ISO code; the code itself where the runtime lacks names. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The German Länder, by code (as the engine stores them). */
export const LAENDER: { code: string; name: string }[] = [
  { code: "BW", name: "Baden-Württemberg" },
  { code: "BY", name: "Bayern" },
  { code: "BE", name: "Berlin" },
  { code: "BB", name: "Brandenburg" },
  { code: "HB", name: "Bremen" },
  { code: "HH", name: "Hamburg" },
  { code: "HE", name: "Hessen" },
  { code: "MV", name: "Mecklenburg-Vorpommern" },
  { code: "NI", name: "Niedersachsen" },
  { code: "NW", name: "Nordrhein-Westfalen" },
  { code: "RP", name: "Rheinland-Pfalz" },
  { code: "SL", name: "Saarland" },
  { code: "SN", name: "Sachsen" },
  { code: "ST", name: "Sachsen-Anhalt" },
  { code: "SH", name: "Schleswig-Holstein" },
  { code: "TH", name: "Thüringen" },
];

/** The countries that have an authority, by name, each once. */
export function residenceCountries(options: AuthorityOption[]): { code: string; name: string }[] {
  const codes = [...new Set(options.map((a) => a.country))];
  return codes.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The authorities grouped by country (by country name), for an `<optgroup>` chooser. */
export function authorityGroups(options: AuthorityOption[]): { country: string; authorities: AuthorityOption[] }[] {
  const by = new Map<string, AuthorityOption[]>();
  for (const a of options) {
    const list = by.get(a.country) ?? [];
    list.push(a);
    by.set(a.country, list);
  }
  return [...by.entries()]
    .map(([code, authorities]) => ({ country: countryName(code), authorities }))
    .sort((a, b) => a.country.localeCompare(b.country));
}

/** How the residence reads ("Germany (Bayern)"), or null when not set. */
export function residenceLabel(r: Residence): string | null {
  if (!r.country) return null;
  const land = r.region ? LAENDER.find((l) => l.code === r.region)?.name ?? r.region : null;
  return land ? `${countryName(r.country)} (${land})` : countryName(r.country);
}
