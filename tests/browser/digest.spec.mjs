// Opens a signed daily-digest link in a real (headless) Chromium the way a supervisor
// would: the page renders its SVG chart (bars for the calls per day, the numbers beside
// them) without any external asset, on a phone and on a desktop, with the supervisor's own
// service before Flanders and plain words; a forged link gets the 403 page.
// Run by scripts/browser-check, which starts `noodbel serve` and sets NOODBEL_SANDBOX_URL,
// NOODBEL_BIN (the binary) and NOODBEL_CONFIG (the config the service runs with; it must
// hold a [web] secret so `noodbel link digest` signs links the service accepts).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const SANDBOX = process.env.NOODBEL_SANDBOX_URL;
const BIN = process.env.NOODBEL_BIN;
const CONFIG = process.env.NOODBEL_CONFIG;
const SHOTS = process.env.NOODBEL_SHOTS_DIR || "/tmp/noodbel-browser";
const CHROMIUM = process.env.NOODBEL_CHROMIUM || "/usr/bin/chromium";
const WAIT_MS = 10_000;

let browser;
let origin;

// YYYY-MM-DD of today + `days` in Europe/Brussels.
function brusselsDate(days) {
  const when = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(when);
}

// A signed digest link made by the real command line, pointed at the running service.
function digestLink(date, service) {
  const args = ["link", "digest", date, "--service", service, "--config", CONFIG];
  const url = execFileSync(BIN, args, { encoding: "utf8" }).trim();
  const at = url.indexOf("/digest/");
  assert.ok(at > 0, `noodbel link digest printed no digest link: ${url}`);
  return origin + url.slice(at);
}

// A crisis call opened through the sandbox now, so the chart has a bar.
async function openCall() {
  const res = await fetch(`${origin}/sandbox/api/send`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ from: "C001", text: "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting" }),
  });
  assert.equal(res.status, 202, await res.text());
}

before(async () => {
  assert.ok(SANDBOX, "set NOODBEL_SANDBOX_URL to the sandbox address printed by `noodbel serve`");
  assert.ok(BIN && CONFIG, "set NOODBEL_BIN and NOODBEL_CONFIG (scripts/browser-check does)");
  origin = new URL(SANDBOX).origin;
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  await openCall();
});

after(async () => {
  await browser?.close();
});

describe("the daily digest page", () => {
  test("a signed link shows the chart with bars and the day's numbers, on a phone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const problems = [];
    page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
    // A style or icon the Content-Security-Policy blocks is a console error.
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
    page.on("request", (r) => { if (!r.url().startsWith(origin)) problems.push(`external: ${r.url()}`); });
    // Tomorrow's digest covers the 24 hours up to tomorrow's digest time, and its chart the
    // 30 days before: the call just opened is in it whatever the time now.
    const res = await page.goto(digestLink(brusselsDate(1), "oost-vlaanderen"));
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-security-policy"] ?? "", /^default-src 'none'; /);
    const chart = page.locator("svg").first();
    await chart.waitFor();
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 200 && box.height > 50, `chart too small: ${JSON.stringify(box)}`);
    assert.ok(box.width <= 390, "the chart fits the phone's width");
    const bars = chart.locator("rect");
    assert.equal(await bars.count(), 30, "one bar per day of the last 30 days");
    const heights = await bars.evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().height));
    assert.ok(heights.some((h) => h > 1), `no visible bar: ${heights.join(",")}`);
    // The axis numbers are drawn and the figures are readable text on the page.
    const labels = await chart.locator("text").allTextContents();
    assert.ok(labels.some((t) => /^\d+$/.test(t.trim()) && Number(t) >= 1), `no count label: ${labels}`);
    await page.getByText(/Gezinnen: \d+ actief/).first().waitFor();
    await page.getByText("Pleegzorg Oost-Vlaanderen").first().waitFor();
    // Their own service first, Flanders after.
    const scopes = await page.locator("h2").allTextContents();
    assert.deepEqual(scopes, ["Pleegzorg Oost-Vlaanderen", "Heel Vlaanderen"]);
    // Nothing only a statistician reads, and the counts agree with their nouns.
    const text = await page.locator("main").innerText();
    for (const word of ["percentiel", "mediaan", "gematcht", "plaatsen", "1 oproepen", "1 gezinnen"]) {
      assert.ok(!text.includes(word), `"${word}" on the digest page:\n${text}`);
    }
    assert.ok(!/\d \(\d+\)/.test(text), `a bare number in brackets on the digest page:\n${text}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page scrolls sideways on a phone: ${width} px`);
    await page.screenshot({ path: `${SHOTS}/digest.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("on a desktop the page stays one readable column with the table and the chart", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const res = await page.goto(digestLink(brusselsDate(1), "oost-vlaanderen"));
    assert.equal(res.status(), 200);
    const main = await page.locator("main").boundingBox();
    assert.ok(main && main.width <= 800, `the column is too wide to read: ${JSON.stringify(main)}`);
    const table = await page.locator("table").first().boundingBox();
    assert.ok(table && table.width <= main.width, "the week table fits the column");
    await page.getByText(/vergeleken met de 7 dagen ervoor/).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/digest-desktop.png`, fullPage: true });
    await context.close();
  });

  test("a forged link gets the 403 page that says the link is not valid", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const good = digestLink(brusselsDate(0), "oost-vlaanderen");
    const forged = good.slice(0, -1) + (good.endsWith("A") ? "B" : "A");
    const res = await page.goto(forged);
    assert.equal(res.status(), 403);
    await page.getByText(/niet geldig/).waitFor();
    assert.equal(await page.locator("svg").count(), 0, "no digest behind a forged link");
    await page.screenshot({ path: `${SHOTS}/digest-forged.png` });
    await context.close();
  });
});
