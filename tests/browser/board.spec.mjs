// The live web board in a real (headless) Chromium, the way a caseworker uses it: open a
// crisis call through the sandbox, get the board link from /bord, watch a family's answer
// appear without reloading; an expired link is refused with a page that says what to do.
// Run by scripts/browser-check, which starts `noodbel serve` and sets NOODBEL_SANDBOX_URL,
// NOODBEL_BIN and NOODBEL_CONFIG (to mint links with `noodbel link board`).
// Screenshots go to NOODBEL_SHOTS_DIR (default /tmp/noodbel-browser).
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
const ORIGIN = SANDBOX ? new URL(SANDBOX).origin : "";

let browser;

before(async () => {
  assert.ok(SANDBOX && BIN && CONFIG,
    "run through scripts/browser-check: it sets NOODBEL_SANDBOX_URL, NOODBEL_BIN and NOODBEL_CONFIG");
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
});

// --- the sandbox API, as the sandbox page uses it ---
async function send(from, text) {
  const r = await fetch(`${ORIGIN}/sandbox/api/send`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, text }),
  });
  assert.equal(r.status, 202, `sending '${text}' as ${from}: HTTP ${r.status} ${await r.text()}`);
}

// Polls the sandbox log until a message to `to` matches `pattern`; returns it.
async function messageTo(to, pattern) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const r = await fetch(`${ORIGIN}/sandbox/api/messages?since=0`);
    const { messages } = await r.json();
    const found = messages.filter((m) => m.person_id === to && pattern.test(m.text)).pop();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no message to ${to} matching ${pattern} within ${WAIT_MS} ms`);
}

// The families a call was offered to, in the order the offers went out.
async function offeredFamilies(code) {
  await messageTo("C001", new RegExp(`Oproep ${code} staat open`));
  const r = await fetch(`${ORIGIN}/sandbox/api/messages?since=0`);
  const { messages } = await r.json();
  return messages.filter((m) => m.direction === "out" && m.text.startsWith(`Noodbel ${code} - `))
    .map((m) => m.person_id);
}

function mintBoardLink(code, at) {
  return execFileSync(BIN, ["link", "board", code, "--caseworker", "C001", "--config", CONFIG,
    "--at", String(at)], { encoding: "utf8" }).trim();
}

async function openPage(url) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const problems = [];
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  const response = await page.goto(url);
  return { context, page, problems, response };
}

describe("live web board", () => {
  let code;
  let families;

  before(async () => {
    await send("C001", "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Rustig kind");
    const opened = await messageTo("C001", /Oproep [A-Z]\d{2} staat open/);
    code = /Oproep ([A-Z]\d{2}) staat open/.exec(opened.text)[1];
    families = await offeredFamilies(code);
    assert.ok(families.length >= 2, `the call reached ${families.length} families; need 2`);
  });

  test("the /bord link shows the ranked board and a new answer appears without reloading",
    async () => {
      const [first, second] = families;
      await send(first, `JA ${code}`);
      await messageTo(first, new RegExp(`JA voor ${code}`));

      await send("C001", `/bord ${code}`);
      const board = await messageTo("C001", new RegExp(`^Bord ${code} `));
      const link = /(http:\/\/\S+\/board\/\S+)/.exec(board.text)?.[1];
      assert.ok(link, `/bord gave no board link:\n${board.text}`);

      const { context, page, problems, response } = await openPage(link);
      assert.equal(response.status(), 200);
      await page.locator("#board table.ranked").waitFor();
      assert.match(await page.locator("h1").innerText(), new RegExp(`bord ${code}`));
      assert.match(await page.locator("#board .offer").innerText(), /4 jaar, in Gent/);
      const row = page.locator(`#board tr[data-family="${first}"]`);
      assert.match(await row.innerText(), /JA/);
      assert.match(await row.locator(".factors").innerText(), /km \+\d+/);
      assert.match(await page.locator("#board ul.waiting").innerText(), new RegExp(second));
      await page.locator("#live", { hasText: "Live" }).waitFor();
      await page.evaluate(() => { window.noodbelNotReloaded = true; });
      await page.screenshot({ path: `${SHOTS}/board-first-answer.png`, fullPage: true });

      await send(second, `MISSCHIEN ${code} pas vanaf 18u`);
      const added = page.locator(`#board tr[data-family="${second}"]`);
      await added.waitFor();
      assert.match(await added.innerText(), /MISSCHIEN/);
      assert.match(await added.innerText(), /pas vanaf 18u/);
      assert.equal(await page.locator("#board tr.answer").count(), 2);
      assert.ok(await page.evaluate(() => window.noodbelNotReloaded === true),
        "the page reloaded; answers must appear without reloading");
      assert.equal(await page.locator(`#board ul.waiting li[data-family="${second}"]`).count(), 0);
      await page.screenshot({ path: `${SHOTS}/board-live-update.png`, fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });

  test("an expired link is refused with a page that says how to get a new one", async () => {
    const thirteenHoursAgo = Math.floor(Date.now() / 1000) - 13 * 3600;
    const { context, page, problems, response } = await openPage(mintBoardLink(code, thirteenHoursAgo));
    assert.equal(response.status(), 403);
    assert.match(await page.locator("h1").innerText(), /Deze link is verlopen/);
    assert.match(await page.locator(".refused").innerText(), new RegExp(`/bord ${code}`));
    assert.equal(await page.locator("#board").count(), 0);
    await page.screenshot({ path: `${SHOTS}/board-expired.png` });
    assert.deepEqual(problems.filter((p) => !p.includes("403")), []);
    await context.close();
  });

  test("a freshly minted link works and a tampered one is refused", async () => {
    const link = mintBoardLink(code, Math.floor(Date.now() / 1000));
    const ok = await openPage(link);
    assert.equal(ok.response.status(), 200);
    await ok.page.locator("#board").waitFor();
    await ok.context.close();
    const bad = await openPage(link.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
    assert.equal(bad.response.status(), 403);
    assert.match(await bad.page.locator("h1").innerText(), /Deze link is ongeldig/);
    await bad.context.close();
  });
});
