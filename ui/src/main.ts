// Mounts the Svelte app into index.html's #app.
import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

declare global {
  interface Window {
    /** Content-Security-Policy violations seen in this window (the end-to-end tests expect none). */
    __cspViolations: string[];
    /** Uncaught errors (shown to the user too; the end-to-end tests report them). */
    __errors: string[];
  }
}

window.__cspViolations = [];
window.__errors = [];
window.addEventListener("error", (e) => window.__errors.push(String(e.error ?? e.message)));
window.addEventListener("unhandledrejection", (e) => {
  const reason = e.reason as { message?: string } | undefined;
  window.__errors.push(String(reason?.message ?? e.reason));
});
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});

const target = document.getElementById("app");
if (!target) throw new Error("index.html lacks #app");
export default mount(App, { target });
