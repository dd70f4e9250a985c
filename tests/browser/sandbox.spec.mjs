// Drives the sandbox practice channel in a real (headless) Chromium the way a new user
// would: open a crisis call as a caseworker, answer on a family phone, read the board.
// Run by scripts/browser-check, which starts `noodbel serve` and sets NOODBEL_SANDBOX_URL.
// Screenshots go to NOODBEL_SHOTS_DIR (default /tmp/noodbel-browser).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const URL = process.env.NOODBEL_SANDBOX_URL;
const SHOTS = process.env.NOODBEL_SHOTS_DIR || "/tmp/noodbel-browser";
const CHROMIUM = process.env.NOODBEL_CHROMIUM || "/usr/bin/chromium";
const WAIT_MS = 10_000;  // for the page to show something: it polls once a second

const CODE = /\/bord ([A-Z]\d{2})\b/;  // the bot's answer names the board command

let browser;

before(async () => {
  assert.ok(URL, "set NOODBEL_SANDBOX_URL to the sandbox address printed by `noodbel serve`");
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

// A fresh page that records every script error and failed request, so a test can
// assert the page stayed clean.
async function openSandbox(contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const problems = [];
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(URL);
  await page.locator("#conn", { hasText: "Verbonden" }).waitFor();
  await page.locator("#phones article.phone").first().waitFor();
  // Survives only as long as the page is not reloaded or navigated away.
  await page.evaluate(() => { window.noodbelNotReloaded = true; });
  return { context, page, problems };
}

async function notReloaded(page) {
  return page.evaluate(() => window.noodbelNotReloaded === true);
}

function phoneCard(page, familyId) {
  return page.locator("article.phone", { hasText: `(${familyId})` });
}

// Sends a console command the way the user picks: button or Enter key.
async function sendCommand(page, text, how) {
  await page.locator("#command").fill(text);
  if (how === "enter") await page.locator("#command").press("Enter");
  else await page.locator("#send-command").click();
}

// Waits for the bot's answer in the console that matches `pattern`; returns its text.
async function botAnswer(page, pattern) {
  const bubble = page.locator("#console-log .msg.out", { hasText: pattern }).last();
  await bubble.waitFor();
  return bubble.innerText();
}

// The id of the first family phone that shows the call offer for `code`.
async function firstOfferedFamily(page, code) {
  const offered = page.locator("article.phone", { hasText: `Noodbel ${code}: crisisopvang` });
  await offered.first().waitFor();
  const who = await offered.first().locator(".who").innerText();
  const id = /\((F\d+)\)/.exec(who)?.[1];
  assert.ok(id, `no family id in the phone title '${who}'`);
  return { id, count: await offered.count() };
}

// The first line of a message must be in view in its scrolling log: a call offer is
// taller than a phone's log, and its code and summary come first.
async function firstLineShown(bubble, what) {
  const shown = await bubble.evaluate((b) => {
    const log = b.closest(".log").getBoundingClientRect();
    const top = b.getBoundingClientRect().top;
    return top >= log.top && top + 20 <= log.bottom;
  });
  assert.ok(shown, `the first line of ${what} is scrolled out of view`);
}

// A phone's reply box and its Stuur button must sit side by side, like a chat app's.
async function replyOnOneLine(card) {
  const box = await card.getByRole("textbox").boundingBox();
  const button = await card.getByRole("button", { name: "Stuur" }).boundingBox();
  assert.ok(Math.abs(box.y - button.y) < box.height,
    `the Stuur button wrapped under the reply box (box at y=${box.y}, button at y=${button.y})`);
}

async function noHorizontalScroll(page) {
  const [scroll, client] = await page.evaluate(
    () => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `the page scrolls sideways: ${scroll}px wide in a ${client}px window`);
}

describe("sandbox page", () => {
  test("a caseworker opens a call, a family says yes and shows up on the board", async () => {
    const { context, page, problems } = await openSandbox({ viewport: { width: 1280, height: 900 } });
    await page.locator("#caseworker").selectOption("C001");

    await sendCommand(page, "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting", "button");
    await page.locator("#console-log .msg.in", { hasText: "/crisis leeftijd=4" }).waitFor();
    const opened = await botAnswer(page, CODE);
    const code = CODE.exec(opened)[1];
    assert.match(opened, new RegExp(`Oproep ${code} staat open`));
    assert.equal(await page.locator("#command").inputValue(), "", "the command box is emptied after sending");

    const { id, count } = await firstOfferedFamily(page, code);
    assert.ok(count >= 1);
    const card = phoneCard(page, id);
    assert.match(await card.getAttribute("class"), /\bactive\b/, "a phone that got the call is marked");
    await firstLineShown(card.locator(".msg.out").last(), "the call offer");
    await replyOnOneLine(card);
    await page.screenshot({ path: `${SHOTS}/desktop-call-opened.png` });

    await card.getByRole("button", { name: "ja", exact: true }).click();
    await card.locator(".msg.in", { hasText: /^ja/ }).waitFor();
    const ack = card.locator(".msg.out", { hasText: `JA voor ${code}` });
    await ack.waitFor();
    await firstLineShown(ack, "the bot's thanks");

    await sendCommand(page, `/bord ${code}`, "enter");
    const board = await botAnswer(page, new RegExp(`^${code} \\(open\\)`));
    assert.match(board, new RegExp(`\\b${id}\\b`), `family ${id} is not on the board:\n${board}`);
    assert.match(board, /\bJa 1,/);
    await firstLineShown(page.locator("#console-log .msg.out").last(), "the board");

    assert.ok(await notReloaded(page), "the page reloaded; answers must appear without reloading");
    await page.screenshot({ path: `${SHOTS}/desktop-board.png` });
    await card.screenshot({ path: `${SHOTS}/desktop-phone-card.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the whole flow works on a phone-sized screen without sideways scrolling", async () => {
    const { context, page, problems } = await openSandbox({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
    });
    await noHorizontalScroll(page);
    await page.locator("#caseworker").selectOption("C002");

    await sendCommand(page, "/crisis leeftijd=8m postcode=2000 taal=nl duur=2d Rustige baby", "button");
    const code = CODE.exec(await botAnswer(page, CODE))[1];
    const { id } = await firstOfferedFamily(page, code);
    await page.screenshot({ path: `${SHOTS}/phone-call-opened.png` });

    // Only the phones that got a message, so the user need not scroll past 40 families.
    await page.locator("#only-active").check();
    const shown = page.locator("#phones article.phone:visible");
    assert.ok(await shown.count() >= 1);
    assert.equal(await shown.count(), await page.locator("#phones article.phone.active").count());

    const card = phoneCard(page, id);
    await replyOnOneLine(card);
    const reply = card.getByRole("textbox");

    await reply.fill(`ja ${code}`);
    await reply.press("Enter");
    await card.locator(".msg.out", { hasText: `JA voor ${code}` }).waitFor();
    assert.equal(await reply.inputValue(), "", "the reply box is emptied after sending");
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/phone-answered.png` });

    await page.locator("#command").fill(`/bord ${code}`);
    await page.locator("#send-command").tap();
    const board = await botAnswer(page, new RegExp(`^${code} \\(open\\)`));
    assert.match(board, new RegExp(`\\b${id}\\b`), `family ${id} is not on the board:\n${board}`);

    await noHorizontalScroll(page);
    assert.ok(await notReloaded(page), "the page reloaded; answers must appear without reloading");
    await page.locator(".console").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/phone-board.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a refused /crisis stays in the box to be fixed; an accepted one is cleared", async () => {
    const { context, page, problems } = await openSandbox({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
    });
    await page.locator("#caseworker").selectOption("C001");
    const typed = "/crisis leeftijd=vier gemeente=Aalst Korte toelichting";
    await sendCommand(page, typed, "enter");
    const refusal = await botAnswer(page, /De oproep is niet geopend/);
    assert.match(refusal, /Aalst \(9300, Oost-Vlaanderen\): typ postcode=9300/);
    assert.match(refusal, /Aalst \(3800, deelgemeente van Sint-Truiden\)/);
    await page.locator("#console-status", { hasText: "Niet geopend" }).waitFor();
    assert.equal(await page.locator("#command").inputValue(), typed,
      "a refused command stays in the box so it can be fixed");
    await noHorizontalScroll(page);
    await page.locator(".console").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/phone-crisis-refused.png` });

    await page.getByRole("button", { name: "Neem de verbeterde opdracht over" }).tap();
    const corrected = await page.locator("#command").inputValue();
    assert.equal(corrected, "/crisis leeftijd=4 gemeente=9300 Korte toelichting");
    await page.locator("#send-command").tap();
    const opened = await botAnswer(page, /^Oproep [A-Z]\d{2} staat open[^]*Aalst/);
    assert.match(opened, /Aalst/);
    await page.waitForFunction(() => document.getElementById("command").value === "");
    assert.equal(await page.locator("#console-status").innerText(), "");

    // A refusal for a note that is too long for two SMS, the box again kept.
    const long = "/crisis leeftijd=4 postcode=9000 " + "Rustig kind dat graag buiten speelt. ".repeat(9);
    await sendCommand(page, long.trim(), "button");
    const tooLong = await botAnswer(page, /tekens te lang voor 2 sms'en; maak ze korter/);
    assert.match(tooLong, /Je notitie is \d+ tekens te lang/);
    await page.locator("#console-status", { hasText: "Niet geopend" }).waitFor();
    assert.equal(await page.locator("#command").inputValue(), long.trim());
    assert.ok(await notReloaded(page));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("sending without text says what to do and sends nothing", async () => {
    const { context, page, problems } = await openSandbox({ viewport: { width: 1280, height: 900 } });
    const before = await page.locator("#console-log .msg").count();
    await page.locator("#command").fill("   ");
    await page.locator("#send-command").click();
    await page.locator("#console-status", { hasText: "Typ eerst een bericht." }).waitFor();
    assert.equal(await page.locator("#console-log .msg").count(), before);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
