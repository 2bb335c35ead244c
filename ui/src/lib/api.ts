// Typed calls to the Rust commands (src-tauri/src/commands). Request and response types are
// generated from the Rust types (./bindings, by ts-rs); nothing here is written by hand twice.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { ArchiveSummary } from "./bindings/ArchiveSummary";
import type { CommandError } from "./bindings/CommandError";
import type { CompanyDetail } from "./bindings/CompanyDetail";
import type { CompanyQuery } from "./bindings/CompanyQuery";
import type { CompanySummary } from "./bindings/CompanySummary";
import type { DbInfo } from "./bindings/DbInfo";
import type { ImportEvent } from "./bindings/ImportEvent";
import type { ImportJob } from "./bindings/ImportJob";
import type { ImportReport } from "./bindings/ImportReport";
import type { MapData } from "./bindings/MapData";
import type { MapQuery } from "./bindings/MapQuery";
import type { Overview } from "./bindings/Overview";
import type { RemoveOutcome } from "./bindings/RemoveOutcome";
import type { SearchPage } from "./bindings/SearchPage";
import type { SearchQuery } from "./bindings/SearchQuery";
import type { Stats } from "./bindings/Stats";
import type { TimelineBucket } from "./bindings/TimelineBucket";
import type { TimelineQuery } from "./bindings/TimelineQuery";
import type { Vocabulary } from "./bindings/Vocabulary";
import type { BulkOutcome } from "./bindings/BulkOutcome";
import type { ContactInput } from "./bindings/ContactInput";
import type { LetterFormat } from "./bindings/LetterFormat";
import type { LetterType } from "./bindings/LetterType";
import type { NewRequestInput } from "./bindings/NewRequestInput";
import type { RequestAction } from "./bindings/RequestAction";
import type { RequestDetail } from "./bindings/RequestDetail";
import type { RequestIdentities } from "./bindings/RequestIdentities";
import type { RequestSpec } from "./bindings/RequestSpec";
import type { RequestSummary } from "./bindings/RequestSummary";
import type { SavedLetter } from "./bindings/SavedLetter";
import type { CompanyContactInfo } from "./bindings/CompanyContactInfo";
import type { ContactCoverage } from "./bindings/ContactCoverage";
import type { AccessAnswer } from "./bindings/AccessAnswer";
import type { ChecklistUpdate } from "./bindings/ChecklistUpdate";
import type { AuthorityOption } from "./bindings/AuthorityOption";
import type { ComplaintPreview } from "./bindings/ComplaintPreview";
import type { ComplaintTo } from "./bindings/ComplaintTo";
import type { Residence } from "./bindings/Residence";
import type { Choices } from "./bindings/Choices";
import type { OpenedStudy } from "./bindings/OpenedStudy";
import type { Plan } from "./bindings/Plan";
import type { WrittenDonation } from "./bindings/WrittenDonation";
import type { EncryptionStatus } from "./bindings/EncryptionStatus";
import type { KeyringOutcome } from "./bindings/KeyringOutcome";

/** The `{ code, message }` every command rejects with, as a throwable Error. */
export class AppError extends Error {
  readonly code: string;
  constructor(e: CommandError) {
    super(e.message);
    this.code = e.code;
  }
}

/** Turns whatever a rejected invoke gives into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    return new AppError({ code: String(e.code), message: String(e.message) });
  }
  return new AppError({ code: "internal", message: String(e) });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const api = {
  encryptionStatus: () => call<EncryptionStatus>("encryption_status"),
  unlock: (passphrase: string, remember: boolean) => call<KeyringOutcome>("unlock", { passphrase, remember }),
  lock: () => call<null>("lock"),
  encryptDatabase: (passphrase: string, remember: boolean) =>
    call<KeyringOutcome>("encrypt_database", { passphrase, remember }),
  changePassphrase: (current: string, next: string) =>
    call<KeyringOutcome>("change_passphrase", { current, new: next }),
  decryptDatabase: (current: string) => call<KeyringOutcome>("decrypt_database", { current }),
  setRememberPassphrase: (remember: boolean) => call<KeyringOutcome>("set_remember_passphrase", { remember }),
  openStudy: (path: string) => call<OpenedStudy>("open_study", { path }),
  donationPlan: (studyPath: string, choices: Choices) => call<Plan>("donation_plan", { studyPath, choices }),
  donationFileName: (studyPath: string, participant: string | null) =>
    call<string>("donation_file_name", { studyPath, participant }),
  writeDonation: (studyPath: string, choices: Choices, participant: string | null, dest: string) =>
    call<WrittenDonation>("write_donation", { studyPath, choices, participant, dest }),
  startImport: (paths: string[], platform: string | null = null) =>
    call<ImportJob[]>("start_import", { paths, platform }),
  cancelImport: (job: number) => call<boolean>("cancel_import", { job }),
  generateDemo: () => call<ImportJob[]>("generate_demo"),
  archives: () => call<ArchiveSummary[]>("archives"),
  archiveReport: (id: number) => call<ImportReport | null>("archive_report", { id }),
  removeArchive: (id: number) => call<RemoveOutcome>("remove_archive", { id }),
  removeDemo: () => call<RemoveOutcome[]>("remove_demo"),
  deleteEverything: () => call<null>("delete_everything"),
  overview: () => call<Overview>("overview"),
  stats: () => call<Stats>("stats"),
  companies: (query: CompanyQuery) => call<CompanySummary[]>("companies", { query }),
  company: (id: number) => call<CompanyDetail | null>("company", { id }),
  search: (query: SearchQuery) => call<SearchPage>("search", { query }),
  timeline: (query: TimelineQuery) => call<TimelineBucket[]>("timeline", { query }),
  map: (query: MapQuery) => call<MapData>("map", { query }),
  dbInfo: () => call<DbInfo>("db_info"),
  vocabulary: () => call<Vocabulary>("vocabulary"),
  requests: () => call<RequestSummary[]>("requests"),
  request: (reference: string) => call<RequestDetail>("request", { reference }),
  requestIdentities: () => call<RequestIdentities>("request_identities"),
  createRequest: (input: NewRequestInput) => call<RequestSummary>("create_request", { input }),
  createRequestsForRelation: (relation: string, spec: RequestSpec) =>
    call<BulkOutcome>("create_requests_for_relation", { relation, spec }),
  markRequest: (reference: string, action: RequestAction, note: string | null = null) =>
    call<RequestDetail>("mark_request", { reference, action, note }),
  setRequestContact: (reference: string, contact: ContactInput) =>
    call<RequestDetail>("set_request_contact", { reference, contact }),
  setRequestLang: (reference: string, lang: RequestDetail["letter_lang"]) =>
    call<RequestDetail>("set_request_lang", { reference, lang }),
  deleteRequest: (reference: string) => call<null>("delete_request", { reference }),
  letterText: (reference: string, kind: LetterType = "request") =>
    call<string>("letter_text", { reference, kind }),
  saveLetter: (reference: string, format: LetterFormat, kind: LetterType = "request") =>
    call<SavedLetter>("save_letter", { reference, format, kind }),
  accessAnswer: (reference: string) => call<AccessAnswer>("access_answer", { reference }),
  attachAnswer: (reference: string, path: string, received: string | null = null) =>
    call<AccessAnswer>("attach_answer", { reference, path, received }),
  setChecklist: (reference: string, updates: ChecklistUpdate[]) =>
    call<AccessAnswer>("set_checklist", { reference, updates }),
  followUpText: (reference: string, lang: RequestDetail["letter_lang"]) =>
    call<string>("follow_up_text", { reference, lang }),
  saveFollowUp: (reference: string, format: LetterFormat, lang: RequestDetail["letter_lang"]) =>
    call<SavedLetter>("save_follow_up", { reference, format, lang }),
  companyContact: (companyId: number) => call<CompanyContactInfo>("company_contact", { companyId }),
  setCompanyContact: (companyId: number, contact: ContactInput) =>
    call<CompanyContactInfo>("set_company_contact", { companyId, contact }),
  clearCompanyContact: (companyId: number) => call<CompanyContactInfo>("clear_company_contact", { companyId }),
  contactCoverage: () => call<ContactCoverage>("contact_coverage"),
  residence: () => call<Residence>("residence"),
  setResidence: (residence: Residence) => call<Residence>("set_residence", { residence }),
  authorities: () => call<AuthorityOption[]>("authorities"),
  complaintPreview: (reference: string, to: ComplaintTo) =>
    call<ComplaintPreview>("complaint_preview", { reference, to }),
  saveComplaint: (reference: string, format: LetterFormat, to: ComplaintTo) =>
    call<SavedLetter>("save_complaint", { reference, format, to }),
};

/** Subscribes to import progress and results. */
export function onImportEvent(handler: (e: ImportEvent) => void): Promise<UnlistenFn> {
  return listen<ImportEvent>("import", (event) => handler(event.payload));
}
