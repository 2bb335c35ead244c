// The words and small decisions of the requests screens: the laws and rights to choose from,
// how a due date reads, which buttons a request's history allows, the order of the list, and
// the letter languages.
import type { RequestAction } from "./bindings/RequestAction";
import type { RequestDetail } from "./bindings/RequestDetail";
import type { RequestSpec } from "./bindings/RequestSpec";
import type { RequestSummary } from "./bindings/RequestSummary";

/** Laws the engine knows, by the friendly name it accepts (GDPR first: the default). */
export const REGIMES: { name: string; label: string }[] = [
  { name: "gdpr", label: "GDPR (European Union)" },
  { name: "uk-gdpr", label: "UK GDPR (United Kingdom)" },
  { name: "ccpa", label: "CCPA/CPRA (California)" },
  { name: "vcdpa", label: "VCDPA (Virginia)" },
  { name: "cpa", label: "CPA (Colorado)" },
  { name: "ctdpa", label: "CTDPA (Connecticut)" },
  { name: "pipeda", label: "PIPEDA (Canada)" },
  { name: "law-25", label: "Law 25 (Québec)" },
  { name: "lgpd", label: "LGPD (Brazil)" },
  { name: "nfadp", label: "nFADP (Switzerland)" },
  { name: "privacy-act", label: "Privacy Act (Australia)" },
  { name: "appi", label: "APPI (Japan)" },
];

export type RightChoice = {
  key: string;
  label: string;
  type: RequestSpec["request_type"];
  portability: boolean;
};

/** Rights a user can ask for; "portability" is an access request asking for a machine-readable copy. */
export const RIGHTS: RightChoice[] = [
  { key: "access", label: "Access: send me a copy of my data", type: "access", portability: false },
  { key: "erasure", label: "Erasure: delete my data", type: "erasure", portability: false },
  { key: "portability", label: "Portability: a machine-readable copy", type: "access", portability: true },
  { key: "object_direct_marketing", label: "Stop direct marketing", type: "object_direct_marketing", portability: false },
  { key: "withdraw_consent", label: "Withdraw my consent", type: "withdraw_consent", portability: false },
  { key: "opt_out_sale", label: "Do not sell or share my data", type: "opt_out_sale", portability: false },
  { key: "limit_sensitive", label: "Limit use of sensitive data", type: "limit_sensitive", portability: false },
  { key: "restriction", label: "Restrict processing", type: "restriction", portability: false },
];

/** A spec for the engine; "today" is replaced by the app's local date on the Rust side. */
export function makeSpec(
  right: RightChoice,
  regime: string,
  identities: { kind: string; value: string }[],
  today: string,
): RequestSpec {
  return {
    request_type: right.type,
    regime,
    identities,
    channel: null,
    options: {
      portability: right.portability,
      erasure_scope: { scope: "all" },
      object_to_marketing: false,
      corrections: [],
    },
    postal_delay_days: null,
    calendar: null,
    // The company's language from the directory decides first; the app's language next.
    lang: null,
    user_language: userLanguage(),
    today,
  };
}

/** A language Footprint writes letters in. */
export type LetterLang = RequestDetail["letter_lang"];

/** The letter languages, each named in its own language, for the language menus. */
export const LETTER_LANGUAGES: { code: LetterLang; name: string }[] = [
  { code: "en", name: "English" },
  { code: "de", name: "Deutsch" },
  { code: "fr", name: "Français" },
];

/** The user's language as the system reports it (a BCP 47 tag), when there is one. */
export function userLanguage(nav: { language?: string } | undefined = globalThis.navigator): string | null {
  return nav?.language || null;
}

/** The local date as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Overdue first (most days late first), then open ones by due date (none last), closed ones at
 * the end; newest first among equals. The engine sorts the same way; the screen re-sorts after
 * a change without asking again.
 */
export function sortRequests(list: RequestSummary[]): RequestSummary[] {
  const group = (r: RequestSummary) => (r.overdue ? 0 : r.status === "closed" ? 2 : 1);
  return [...list].sort((a, b) => {
    const g = group(a) - group(b);
    if (g !== 0) return g;
    if (a.overdue && b.overdue) {
      const late = (b.days_overdue ?? 0) - (a.days_overdue ?? 0);
      if (late !== 0) return late;
    }
    if ((a.due_date === null) !== (b.due_date === null)) return a.due_date === null ? 1 : -1;
    if (a.due_date && b.due_date && a.due_date !== b.due_date) return a.due_date < b.due_date ? -1 : 1;
    return b.id - a.id;
  });
}

/** How the due date reads in the list: late, planned (a draft not sent yet) or plain. */
export function dueText(r: RequestSummary): string {
  if (!r.due_date) return "—";
  if (r.overdue) {
    const n = r.days_overdue ?? 0;
    return `${r.due_date} (${n} day${n === 1 ? "" : "s"} late)`;
  }
  if (r.due_planned) return `${r.due_date} if sent today`;
  return r.due_date;
}

/** Buttons for status changes, in the order shown, with the engine's action names. */
const ACTIONS: { name: string; label: string; action: RequestAction }[] = [
  { name: "sent", label: "Mark sent", action: { action: "sent", proof: null } },
  { name: "acknowledged", label: "Mark acknowledged", action: { action: "acknowledged" } },
  { name: "waiting_for_verification", label: "They asked for ID", action: { action: "waiting_for_verification" } },
  { name: "extended", label: "They extended the deadline", action: { action: "extended" } },
  { name: "fulfilled", label: "Mark fulfilled", action: { action: "fulfilled" } },
  { name: "partially_fulfilled", label: "Mark partly fulfilled", action: { action: "partially_fulfilled" } },
  { name: "denied", label: "Mark denied", action: { action: "denied", reason: "other" } },
  { name: "reminder_sent", label: "Mark reminder sent", action: { action: "reminder_sent" } },
  { name: "escalated", label: "Mark complaint filed", action: { action: "escalated" } },
  { name: "closed", label: "Close the request", action: { action: "closed" } },
];

/** The status buttons the request's history allows now (unknown names are left out). */
export function allowedButtons(allowed: string[]): { name: string; label: string; action: RequestAction }[] {
  return ACTIONS.filter((a) => allowed.includes(a.name));
}
