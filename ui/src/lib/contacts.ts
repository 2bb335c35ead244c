// A company's privacy contact as the company page and the Overview show it: the directory's
// contacts with the laws and countries each serves, the user's own contact form, and the
// coverage sentence. The engine validates and stores; this only words and shapes.
import type { ContactCoverage } from "./bindings/ContactCoverage";
import type { ContactInput } from "./bindings/ContactInput";
import type { ContactOverride } from "./bindings/ContactOverride";
import type { DirectoryContact } from "./bindings/DirectoryContact";

/** "Privacy contact known for 40 of your 49 companies". */
export function coverageText(c: ContactCoverage): string {
  const of = c.companies === 1 ? "your 1 company" : `your ${c.companies} companies`;
  return `Privacy contact known for ${c.known} of ${of}`;
}

/** Short names of the regime ids a contact may list. */
const REGIME_NAMES: Record<string, string> = {
  eu_gdpr: "GDPR",
  uk_gdpr: "UK GDPR",
  us_ca_ccpa: "CCPA",
  us_va_vcdpa: "Virginia",
  us_co_cpa: "Colorado",
  us_ct_ctdpa: "Connecticut",
  ca_pipeda: "PIPEDA",
  ca_qc_law25: "Québec",
  br_lgpd: "LGPD",
  ch_nfadp: "Swiss FADP",
  au_privacy_act: "Australia",
  jp_appi: "APPI",
};

/** Which laws and countries a directory contact serves: "GDPR in DE, AT", "any law". */
export function contactScope(c: DirectoryContact): string {
  const laws = c.regimes.length === 0 ? "any law" : c.regimes.map((r) => REGIME_NAMES[r] ?? r).join(", ");
  return c.countries.length === 0 ? laws : `${laws} in ${c.countries.join(", ")}`;
}

/** True when the contact gives an e-mail address or a web form (what letters are sent to). */
export function reachable(c: DirectoryContact): boolean {
  return c.email !== null || c.web_form !== null;
}

/** The form's fields, as the user types them. */
export interface ContactForm {
  legal_entity: string;
  email: string;
  web_form: string;
  postal_address: string;
}

/** The form filled with the user's saved contact (or empty). */
export function formFrom(o: ContactOverride | null): ContactForm {
  return {
    legal_entity: o?.legal_entity ?? "",
    email: o?.email ?? "",
    web_form: o?.web_form ?? "",
    postal_address: o?.postal_address ?? "",
  };
}

/** The form as the engine takes it: trimmed, empty fields as null. */
export function toInput(f: ContactForm): ContactInput {
  const v = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    legal_entity: v(f.legal_entity),
    email: v(f.email),
    web_form: v(f.web_form),
    postal_address: v(f.postal_address),
  };
}

/** A first check before saving (the engine checks again): a message, or null when fine. */
export function formProblem(f: ContactForm): string | null {
  const i = toInput(f);
  if (!i.legal_entity && !i.email && !i.web_form && !i.postal_address) {
    return "Fill in at least one field.";
  }
  if (i.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(i.email)) {
    return "The e-mail address looks wrong (name@example.com).";
  }
  if (i.web_form && !/^https:\/\/[^\s/]+\.[^\s]+/.test(i.web_form)) {
    return "The web form must be a web address starting with https://.";
  }
  return null;
}
