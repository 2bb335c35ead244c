// Imported text is untrusted: it must reach the screen as text, never as markup.
import { describe, expect, it } from "vitest";
import { render } from "@testing-library/svelte";
import RecordTable from "./RecordTable.svelte";
import type { RecordRow } from "../lib/bindings/RecordRow";

const hostile: RecordRow = {
  id: 1,
  platform: "facebook",
  kind: "message",
  category: "messages",
  ts: Date.UTC(2024, 0, 2),
  ts_end: null,
  title: "<img src=x onerror=\"window.__pwned=1\">",
  body: "<script>window.__pwned=2</script><b>bold?</b>",
  lat: null,
  lon: null,
  company: "<i>Evil</i> Corp",
  relation: null,
  file: "messages/inbox/x/message_1.json",
  position: 3,
  archive_id: 1,
  data: null,
  key: "1234567890123456789",
  amount_minor: null,
  currency: null,
};

describe("RecordTable", () => {
  it("renders hostile record text literally", () => {
    const { container, getByTestId } = render(RecordTable, { rows: [hostile] });
    expect(container.querySelector("img, script, b, i")).toBeNull();
    expect(getByTestId("record-title").textContent).toBe(hostile.title);
    expect(getByTestId("record-body").textContent).toBe(hostile.body);
    expect(container.textContent).toContain("<i>Evil</i> Corp");
    expect(container.textContent).toContain("messages/inbox/x/message_1.json");
    expect(container.textContent).toContain("#3");
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("shows a purchase's amount in its currency, and none for other records", () => {
    const order: RecordRow = { ...hostile, id: 2, kind: "order", title: "Order: headphones", amount_minor: 4999, currency: "USD" };
    const { getAllByTestId } = render(RecordTable, { rows: [order, hostile] });
    const amounts = getAllByTestId("record-amount");
    expect(amounts).toHaveLength(1);
    expect(amounts[0].textContent).toMatch(/49[.,]99/);
  });
});
