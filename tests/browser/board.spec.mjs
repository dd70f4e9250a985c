// The live web board in a real (headless) Chromium, the way a caseworker uses it: open a
// crisis call through the sandbox, get the board link from /bord, watch a family's answer
// appear without reloading; the night: families answer with conditions, STOP, a question,
// a changed answer, the caseworker chooses one, and the board reads on a 390 px phone (one
// card per family, no sideways scrolling, the chosen family's numbers tap-to-call, only for
// the call's own service) and on a desk; an expired link is refused with a page that says
// what to do.
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
  return messages.filter((m) => m.direction === "out" && m.text.startsWith(`Noodbel ${code}:`))
    .map((m) => m.person_id);
}

function mintBoardLink(code, at, caseworker = "C001") {
  return execFileSync(BIN, ["link", "board", code, "--caseworker", caseworker, "--config", CONFIG,
    "--at", String(at)], { encoding: "utf8" }).trim();
}

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };

async function openPage(url, viewport = { width: 1200, height: 900 }, colorScheme = "light") {
  const context = await browser.newContext({ viewport, colorScheme });
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
      const board = await messageTo("C001", new RegExp(`/board/${code}\\?t=`));
      const link = /(http:\/\/\S+\/board\/\S+)/.exec(board.text)?.[1];
      assert.ok(link, `/bord gave no board link:\n${board.text}`);

      const { context, page, problems, response } = await openPage(link);
      assert.equal(response.status(), 200);
      await page.locator("#board table.ranked").waitFor();
      assert.match(await page.locator("h1").innerText(), new RegExp(`bord ${code}`));
      assert.match(await page.locator("#board .call").innerText(), /4 jaar, Gent/);
      assert.match(await page.locator("#board details.offer").textContent(), /4 jaar, in Gent/);
      const row = page.locator(`#board tr[data-family="${first}"]`);
      assert.match(await row.locator(".verdict").innerText(), /JA/);
      assert.match(await row.locator("q.words").innerText(), new RegExp(`JA ${code}`));
      await row.locator("details summary").click();
      assert.match(await row.locator(".factors").innerText(), /km \+\d+/);
      assert.match(await page.locator("#board section.others.waiting").innerText(), new RegExp(second));
      await page.locator("#live", { hasText: "Live" }).waitFor();
      await page.evaluate(() => { window.noodbelNotReloaded = true; });
      await page.screenshot({ path: `${SHOTS}/board-first-answer.png`, fullPage: true });

      await send(second, `MISSCHIEN ${code} pas vanaf 18u`);
      const added = page.locator(`#board tr[data-family="${second}"]`);
      await added.waitFor();
      assert.match(await added.innerText(), /MISSCHIEN/);
      assert.match(await added.locator("q.words").innerText(), /pas vanaf 18u/);
      assert.equal(await page.locator("#board tr.answer").count(), 2);
      assert.ok(await page.evaluate(() => window.noodbelNotReloaded === true),
        "the page reloaded; answers must appear without reloading");
      assert.equal(await page.locator(`#board section.others.waiting li[data-family="${second}"]`).count(), 0);
      await page.screenshot({ path: `${SHOTS}/board-live-update.png`, fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });

  describe("the caseworker's night", () => {
    let withCondition; let stopped; let asked; let changed; let chosen;

    before(async () => {
      assert.ok(families.length >= 6, `the call reached ${families.length} families; need 6`);
      [, , withCondition, stopped, asked, changed] = families;
      await send(withCondition, "ja maar pas vanaf 18u");
      await messageTo(withCondition, new RegExp(`(voor|pour|for) ${code}`));
      await send(stopped, "STOP");
      await messageTo(stopped, /geen oproepen van Noodbel meer/);
      await send(asked, "hoe oud is het kind?");
      await messageTo("C001", /hoe oud is het kind\?/);
      await send(changed, "ja");
      await messageTo(changed, new RegExp(`(JA voor|OUI pour|YES for) ${code}`));
      await send(changed, "nee");
      await messageTo(changed, new RegExp(`(NEE voor|NON pour|NO for) ${code}`));
      await send("C001", `/kies ${code} 1`);
      const picked = await messageTo("C001", new RegExp(`^Gekozen voor ${code}: 1\\. .* \\((F\\d+)\\)`));
      chosen = new RegExp(`\\((F\\d+)\\)`).exec(picked.text)[1];
    });

    // A computed style of the element `locator` finds. The live board swaps #board for a
    // fresh copy whenever the stream sends one (also right after the page opens), and an
    // element swapped out between finding and reading has no style at all (""): read again.
    async function styleOf(locator, property) {
      for (let attempt = 0; attempt < 50; attempt++) {
        const value = await locator.evaluate(
          (e, p) => (e.isConnected ? getComputedStyle(e)[p] : ""), property);
        if (value !== "") return value;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${property} of ${locator} never had a value: the board kept being replaced`);
    }

    // The checks that hold at every width.
    async function checkStates(page) {
      const words = page.locator(`#board tr[data-family="${withCondition}"] q.words`);
      assert.match(await words.innerText(), /ja maar pas vanaf 18u/);
      // A condition the parser understood, or "(zie bericht)" when it did not: in bold.
      const cond = page.locator(`#board tr[data-family="${withCondition}"] strong.cond`).first();
      assert.ok(await cond.isVisible(), "the condition of the answer is not shown");
      assert.ok(Number(await styleOf(cond, "fontWeight")) >= 700, "the condition is not bold");

      const stop = page.locator(`#board section.others.stopped li[data-family="${stopped}"]`);
      const question = page.locator(`#board section.others.asked li[data-family="${asked}"]`);
      const no = page.locator(`#board section.others.declined li[data-family="${changed}"]`);
      assert.equal(await stop.count(), 1, "the family that sent STOP is not shown as afgemeld");
      assert.match(await page.locator("#board section.others.stopped h3").innerText(), /Afgemeld/);
      assert.equal(await question.count(), 1, "the family that asked is not shown as asking");
      assert.match(await question.locator("q.words").innerText(), /hoe oud is het kind\?/);
      assert.match(await page.locator("#board section.others.asked h3").innerText(), /Stelde een vraag/);
      assert.equal(await no.count(), 1, "the family that changed to no is not shown as no");
      assert.match(await no.locator(".changed").innerText(), /was JA/);
      const waiting = page.locator("#board section.others.waiting");
      for (const id of [stopped, asked, changed]) {
        assert.equal(await waiting.locator(`li[data-family="${id}"]`).count(), 0,
          `${id} is listed under "Nog geen antwoord"`);
      }
      // Each state looks different (its own accent), not only its heading.
      const accents = await Promise.all([stop, question, no].map((l) =>
        styleOf(l, "borderLeftColor")));
      assert.equal(new Set(accents).size, 3, `states look alike: ${accents}`);

      const panel = page.locator(`#board .chosen-family[data-family="${chosen}"]`);
      assert.match(await panel.innerText(), new RegExp(`/bevestig ${code}`));
      assert.match(await panel.innerText(), new RegExp(`/volgende ${code}`));
      assert.equal(await page.locator(`#board tr.chosen[data-family="${chosen}"]`).count(), 1);
    }

    async function noSidewaysScroll(page) {
      const { scroll, inner } = await page.evaluate(() => ({
        scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth }));
      assert.ok(scroll <= inner, `the page scrolls sideways: ${scroll} px wide in ${inner} px`);
    }

    test("on a 390 px phone: cards, no sideways scroll, the chosen family tap-to-call",
      async () => {
        const link = mintBoardLink(code, Math.floor(Date.now() / 1000));
        for (const scheme of ["light", "dark"]) {
          const { context, page, problems, response } = await openPage(link, PHONE, scheme);
          assert.equal(response.status(), 200);
          await page.locator("#board").waitFor();
          await noSidewaysScroll(page);
          await checkStates(page);
          // One card per family: the table head is hidden, each row is a box of its own.
          assert.ok(!(await page.locator("#board table.ranked thead").isVisible()));
          const display = await styleOf(page.locator("#board tr.answer").first(), "display");
          assert.equal(display, "grid");
          // The score is folded away.
          assert.ok(!(await page.locator("#board tr.answer .factors").first().isVisible()));
          // Tap to call, each number once, in national format.
          const tel = page.locator("#board .chosen-family a.tel");
          assert.ok(await tel.count() >= 1, "no tap-to-call link for the chosen family");
          const hrefs = await tel.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
          assert.ok(hrefs.every((h) => /^tel:\+32\d{8,9}$/.test(h)), hrefs.join(" "));
          assert.equal(new Set(hrefs).size, hrefs.length, `a number twice: ${hrefs}`);
          assert.match(await tel.first().innerText(), /^0\d{3} \d{2} \d{2} \d{2}$/);
          // The first screen shows the chosen family's number and the first condition.
          const first = page.locator("#board tr.answer strong.cond").first();
          for (const l of [tel.first(), first]) {
            const box = await l.boundingBox();
            assert.ok(box && box.y + box.height <= PHONE.height,
              `not in the first screen: ${await l.innerText()} at ${JSON.stringify(box)}`);
          }
          await page.screenshot({ path: `${SHOTS}/board-phone-${scheme}.png` });
          await page.screenshot({ path: `${SHOTS}/board-phone-${scheme}-full.png`, fullPage: true });
          await noSidewaysScroll(page);
          // Unfolding a score keeps the page inside the screen.
          await page.locator("#board tr.answer details summary").first().click();
          assert.ok(await page.locator("#board tr.answer .factors").first().isVisible());
          await noSidewaysScroll(page);
          assert.deepEqual(problems, []);
          await context.close();
        }
      });

    test("at desk width: the table, the same states", async () => {
      const link = mintBoardLink(code, Math.floor(Date.now() / 1000));
      const { context, page, problems } = await openPage(link, DESK);
      await page.locator("#board").waitFor();
      assert.ok(await page.locator("#board table.ranked thead").isVisible());
      await checkStates(page);
      assert.ok(await page.locator("#board .chosen-family a.tel").first().isVisible());
      await noSidewaysScroll(page);
      await page.screenshot({ path: `${SHOTS}/board-desk.png`, fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });

    test("another service sees who was chosen, not how to reach them", async () => {
      const link = mintBoardLink(code, Math.floor(Date.now() / 1000), "C002");
      const { context, page, problems } = await openPage(link, PHONE);
      await page.locator("#board").waitFor();
      const panel = page.locator(`#board .chosen-family[data-family="${chosen}"]`);
      assert.match(await panel.innerText(), /contactgegevens alleen voor de eigen dienst/i);
      assert.equal(await page.locator("#board a.tel").count(), 0);
      assert.doesNotMatch(await page.content(), /tel:|\+32 ?4\d{2}|04\d{2} \d{2} \d{2} \d{2}/);
      await noSidewaysScroll(page);
      await page.screenshot({ path: `${SHOTS}/board-phone-other-service.png` });
      assert.deepEqual(problems, []);
      await context.close();
    });
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
