// Whether the database is encrypted and waiting for its passphrase. App.svelte shows the lock
// screen instead of the screens while `locked`; Settings' encryption card changes it.
import { api } from "./api";
import type { EncryptionStatus } from "./bindings/EncryptionStatus";

class Lock {
  status = $state<EncryptionStatus | null>(null);

  get locked(): boolean {
    return this.status?.locked ?? false;
  }

  async refresh(): Promise<EncryptionStatus> {
    const s = await api.encryptionStatus();
    this.status = s;
    return s;
  }
}

export const lock = new Lock();

/** What the lock screen and the card say about a failed unlock or change. */
export function passphraseProblem(code: string, message: string): string {
  return code === "wrong_passphrase"
    ? "That passphrase does not open this database. Nothing was changed; check it and try again."
    : message;
}

/** The checks a new passphrase must pass before it is sent; null when it may be used. */
export function newPassphraseProblem(first: string, again: string): string | null {
  if (first.length === 0) return "Type a passphrase.";
  if (first.length < 8) return "Use at least 8 characters: a few words you will remember are best.";
  if (first !== again) return "The two passphrases differ.";
  return null;
}
