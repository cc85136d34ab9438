// The library's "active sessions" page in a real browser: the system Chromium (never a downloaded build) driven by
// playwright-core against the deployed test WAR. Each browser context is one device with its own cookie jar and
// user agent. Run by SessionsPageIT:  node sessions-page.mjs <base URL> <screenshot.png>
import { chromium, request as playwrightRequest } from "playwright-core";

const [base, screenshotPath] = process.argv.slice(2);
if (!base || !screenshotPath) {
  console.error("usage: node sessions-page.mjs <base URL, e.g. http://127.0.0.1:8080/app> <screenshot.png>");
  process.exit(64);
}
const origin = new URL(base).origin;
const api = `${base}/api/auth`;
const pageUrl = `${base}/better-auth/sessions`;
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const STEP_TIMEOUT = 15_000;
const TOTAL_TIMEOUT = Number(process.env.SESSIONS_PAGE_TIMEOUT_MS || 150_000);

const UA = {
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
  firefoxAndroid: "Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
  edgeLinux: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0",
};

let checks = 0;
function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  checks++;
  console.log(`ok ${checks} - ${message}`);
}

let browser = null;
async function closeBrowser() {
  const b = browser;
  browser = null;
  if (b) await b.close().catch((e) => console.error(`closing Chromium: ${e.message}`));
}

// A last resort: whatever hangs, Chromium is closed and the script ends on its own.
const watchdog = setTimeout(() => {
  console.error(`sessions-page: gave up after ${TOTAL_TIMEOUT} ms`);
  closeBrowser().finally(() => process.exit(2));
}, TOTAL_TIMEOUT);
watchdog.unref();

const password = "test123456";
const email = `sessions-page-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** A device: a browser context with its own cookies and user agent. */
async function device(userAgent) {
  const context = await browser.newContext({ userAgent, locale: "en-US", timezoneId: "UTC",
    viewport: { width: 1100, height: 760 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
  return context;
}

async function postJson(context, path, body) {
  const res = await context.request.post(`${api}/${path}`, { data: body, headers: { Origin: origin },
    timeout: STEP_TIMEOUT });
  return { status: res.status(), body: await res.text() };
}

async function getSession(context) {
  const res = await context.request.get(`${api}/get-session`, { timeout: STEP_TIMEOUT });
  check(res.status() === 200, `get-session answers 200 (${res.status()})`);
  return JSON.parse(await res.text());
}

/** get-session with exactly this cookie header, outside any browser context. */
async function getSessionWithCookie(cookieHeader) {
  const ctx = await playwrightRequest.newContext({ extraHTTPHeaders: { Cookie: cookieHeader } });
  try {
    const res = await ctx.get(`${api}/get-session`, { timeout: STEP_TIMEOUT });
    return JSON.parse(await res.text());
  } finally {
    await ctx.dispose();
  }
}

async function cookieHeader(context) {
  return (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Waits until the page is idle in the given section (and, when listed, shows `rows` devices). */
async function settled(page, section, rows) {
  await page.waitForFunction(({ section, rows }) => {
    const main = document.getElementById("app");
    const el = document.getElementById(section);
    if (!main || !el || el.hidden || main.getAttribute("aria-busy") !== "false") return false;
    return rows === undefined || document.querySelectorAll("#device-rows tr").length === rows;
  }, { section, rows }, { timeout: STEP_TIMEOUT });
}

async function deviceRows(page) {
  return page.$$eval("#device-rows tr", (trs) => trs.map((tr) => ({
    label: tr.querySelector(".device-name").textContent,
    browser: tr.dataset.browser,
    os: tr.dataset.os,
    thisDevice: !!tr.querySelector(".this-device"),
    ip: tr.querySelector(".ip").textContent,
    times: [...tr.querySelectorAll("time")].map((t) => t.dateTime),
    button: tr.querySelector("button.revoke")?.textContent ?? null,
  })));
}

const statusText = (page) => page.locator("#status").textContent();

async function signInWithForm(page, useKeyboard) {
  if (useKeyboard) {
    await page.getByLabel("Email").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    check(await page.evaluate(() => document.activeElement.id) === "password", "Tab moves from Email to Password");
    await page.keyboard.type(password);
    await page.keyboard.press("Enter");
  } else {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
}

async function main() {
  // --- the page's own answer: headers and a per-answer CSP nonce ------------------------------------------------
  const first = await fetch(pageUrl);
  const html = await first.text();
  check(first.status === 200, `GET ${pageUrl} answers 200 (${first.status})`);
  check(/^text\/html;\s*charset=utf-8$/i.test(first.headers.get("content-type")), `Content-Type is text/html; charset=UTF-8 (${first.headers.get("content-type")})`);
  check(first.headers.get("cache-control") === "no-store", "Cache-Control: no-store");
  check(first.headers.get("x-content-type-options") === "nosniff", "X-Content-Type-Options: nosniff");
  const csp = first.headers.get("content-security-policy") || "";
  const nonce = (csp.match(/script-src 'nonce-([^']+)'/) || [])[1];
  check(csp.includes("default-src 'none'") && csp.includes("frame-ancestors 'none'") && !csp.includes("unsafe-inline"),
    `restrictive CSP: ${csp}`);
  check(nonce && html.includes(`<script nonce="${nonce}">`) && html.includes(`<style nonce="${nonce}">`),
    "the inline script and style carry the CSP nonce");
  const second = await fetch(pageUrl);
  await second.text();
  check(!(second.headers.get("content-security-policy") || "").includes(nonce), "each answer has a new nonce");
  const basePath = new URL(base).pathname.replace(/\/$/, "");
  check(html.includes(`<meta name="better-auth-api" content="${basePath}/api/auth">`), "the page knows the endpoints' path under the context path");

  browser = await chromium.launch({
    executablePath,
    headless: true,
    timeout: 60_000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  console.log(`Chromium ${browser.version()}`);

  // --- the user and devices 2 and 3 -----------------------------------------------------------------------------
  const phone = await device(UA.firefoxAndroid);     // device 2
  const laptop = await device(UA.safariMac);         // device 3
  const signUp = await postJson(phone, "sign-up/email", { name: "Page Tester", email, password });
  check(signUp.status === 200, `device 2 signs up (${signUp.status} ${signUp.body})`);
  const signIn3 = await postJson(laptop, "sign-in/email", { email, password });
  check(signIn3.status === 200, `device 3 signs in (${signIn3.status})`);

  // --- device 1 opens the page: not signed in, signs in with the page's form ------------------------------------
  const desktop = await device(UA.chromeWindows);    // device 1
  const page = await desktop.newPage();
  const problems = [];
  page.on("console", (m) => {
    // The 401 and 403 answers the page handles are logged by Chromium as failed loads: expected.
    if (m.type() === "error" && !/^Failed to load resource: the server responded with a status of 40[13]/.test(m.text())) {
      problems.push(`console: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  const postOrigins = []; // allHeaders(): headers() leaves out those the network stack adds, Origin among them
  page.on("request", (r) => { if (r.method() === "POST") postOrigins.push(r.allHeaders().then((h) => h.origin)); });

  await page.goto(pageUrl);
  await settled(page, "signed-out");
  check(await page.locator("#signed-out-notice").textContent().then((t) => t.includes("You are not signed in.")),
    "without a session the page says 'You are not signed in.'");
  check(await page.getByLabel("Email").isVisible() && await page.getByLabel("Password").isVisible(),
    "and shows a labelled sign-in form");

  await signInWithForm(page, false);
  await settled(page, "signed-in", 3);
  const rows = await deviceRows(page);
  console.log(JSON.stringify(rows, null, 1));
  check(rows.filter((r) => r.thisDevice).length === 1, "exactly one row is marked 'This device'");
  check(rows[0].thisDevice && rows[0].label === "Chrome on Windows" && rows[0].browser === "Chrome",
    `this device (listed first) is Chrome on Windows (${rows[0].label})`);
  check(rows.some((r) => !r.thisDevice && r.label === "Firefox on Android"), "device 2 shows as Firefox on Android");
  check(rows.some((r) => !r.thisDevice && r.label === "Safari on macOS"), "device 3 shows as Safari on macOS");
  check(rows.every((r) => r.ip === "127.0.0.1"), "each row shows the IP address");
  check(rows.every((r) => r.times.length === 2 && r.times.every((t) => !isNaN(Date.parse(t)))),
    "each row shows created and last-refreshed times");
  check(rows.filter((r) => r.button).length === 2 && !rows[0].button, "only the other devices have a sign-out button");
  check(await page.getByRole("button", { name: "Sign out Firefox on Android" }).count() === 1,
    "revoke buttons are named after their device");
  check(await page.getByRole("columnheader").count() === 5 && await page.getByRole("rowheader").count() === 3,
    "the table has column and row headings");
  const headers = await page.getByRole("columnheader").allTextContents();
  check(headers.includes("Last refreshed") && !headers.includes("Last active"),
    `the updatedAt column is named for what it is, the last refresh (${headers.join(", ")})`);
  check(await page.getByRole("status").count() === 1
    && await page.locator("#status").getAttribute("aria-live") === "polite", "an aria-live status region");
  const token1 = (await page.evaluate(async (u) => (await (await fetch(u, { credentials: "include" })).json()),
    `${api}/get-session`)).session.token;
  check(typeof token1 === "string" && token1.length > 0, "device 1 has a session");

  await page.screenshot({ path: screenshotPath, fullPage: true });
  console.log(`screenshot: ${screenshotPath}`);

  // --- keyboard: Tab reaches device 3's sign-out button, Enter revokes it -----------------------------------------
  await page.reload();
  await settled(page, "signed-in", 3);
  let reached = null;
  const tabbed = [];
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el.tagName, revoke: el.classList.contains("revoke"), name: el.textContent.trim() };
    });
    tabbed.push(focused.name || focused.tag);
    if (focused.revoke && focused.name.includes("Safari on macOS")) reached = focused;
  }
  check(reached, `Tab reaches device 3's sign-out button (${tabbed.join(" → ")})`);
  check(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle !== "none"),
    "the focused button shows a focus outline");
  await page.keyboard.press("Enter");
  await settled(page, "signed-in", 2);
  check(!(await deviceRows(page)).some((r) => r.label === "Safari on macOS"), "Enter signed device 3 out of the list");
  check((await statusText(page)).includes("Signed out Safari on macOS"), "the status region announces it");
  check(await page.evaluate(() => document.activeElement.id) === "devices-heading", "focus moves to the list heading");
  check(await getSession(laptop) === null, "device 3's get-session is null");

  // --- device 1 revokes device 2 with a click -------------------------------------------------------------------
  await page.getByRole("button", { name: "Sign out Firefox on Android" }).click();
  await settled(page, "signed-in", 1);
  const one = await deviceRows(page);
  check(one.length === 1 && one[0].thisDevice, "the list shows only this device");
  check(await getSession(phone) === null, "device 2's get-session is null");
  check(await getSession(desktop) !== null, "device 1 is still signed in");

  // --- sign out all other devices --------------------------------------------------------------------------------
  const workstation = await device(UA.edgeLinux);    // device 4
  check((await postJson(workstation, "sign-in/email", { email, password })).status === 200, "device 4 signs in");
  await page.getByRole("button", { name: "Refresh list" }).click();
  await settled(page, "signed-in", 2);
  check((await deviceRows(page)).some((r) => r.label === "Edge on Linux"), "device 4 shows as Edge on Linux");
  const dialog = page.getByRole("dialog");
  await page.getByRole("button", { name: "Sign out all other devices" }).click();
  await dialog.waitFor({ state: "visible" });
  check(await page.getByRole("dialog", { name: "Sign out all other devices?" }).isVisible(),
    "'Sign out all other devices' first asks for confirmation in a dialog");
  check(await page.evaluate(() => document.activeElement.id) === "confirm-cancel", "focus starts on Cancel");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });
  await settled(page, "signed-in", 2);
  check(await page.evaluate(() => document.activeElement.id) === "revoke-others", "Cancel returns focus to the button");
  check(await getSession(workstation) !== null, "after Cancel device 4 is still signed in");
  await page.getByRole("button", { name: "Sign out all other devices" }).click();
  await dialog.getByRole("button", { name: "Sign out other devices" }).click();
  await settled(page, "signed-in", 1);
  check((await statusText(page)).includes("Signed out all other devices"), "'Sign out all other devices' is announced");
  check(await getSession(workstation) === null, "device 4's get-session is null");
  check(await getSession(desktop) !== null, "device 1 stays signed in");

  // --- sign out everywhere ---------------------------------------------------------------------------------------
  const desktopCookies = await cookieHeader(desktop);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await dialog.waitFor({ state: "visible" });
  check(await page.getByRole("dialog", { name: "Sign out everywhere?" }).isVisible(),
    "'Sign out everywhere' first asks for confirmation in a dialog");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await settled(page, "signed-in", 1);
  check(await getSession(desktop) !== null, "Escape cancels: device 1 is still signed in");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await dialog.getByRole("button", { name: "Sign out all devices" }).click();
  await settled(page, "signed-out");
  check((await page.locator("#signed-out-notice").textContent()).includes("You are signed out everywhere."),
    "the page shows the signed-out state");
  check(await getSessionWithCookie(desktopCookies) === null, "device 1's old session cookie no longer works");
  check(await getSession(desktop) === null, "device 1 is signed out");

  // --- a stale session is asked to sign in again ---------------------------------------------------------------
  await signInWithForm(page, false);
  await settled(page, "signed-in", 1);
  const staleToken = (await getSession(desktop)).session.token;
  const aged = await fetch(`${base}/test/age-session?token=${encodeURIComponent(staleToken)}&seconds=86401`,
    { method: "POST", headers: { Origin: origin } });
  check(aged.status === 200 && (await aged.text()) === "1", "the session is aged past the freshness window");
  await page.reload();
  await settled(page, "signed-out");
  const notice = await page.locator("#signed-out-notice").textContent();
  check(notice.includes("Please sign in again."), `a stale session sees 'Please sign in again.' (${notice})`);
  check(await page.getByLabel("Email").inputValue() === email, "with the email filled in");
  await signInWithForm(page, true);
  await settled(page, "signed-in", 2);
  const again = await deviceRows(page);
  check(again.filter((r) => r.thisDevice).length === 1 && again[0].thisDevice, "signed in again: the new session is this device");
  check((await getSession(desktop)).session.token !== staleToken, "with a new session token");

  // --- wrong password: an error in the status region, no state change ------------------------------------------
  const anon = await (await device(UA.chromeWindows)).newPage();
  await anon.goto(pageUrl);
  await settled(anon, "signed-out");
  await anon.getByLabel("Email").fill(email);
  await anon.getByLabel("Password").fill("wrong-password");
  await anon.getByRole("button", { name: "Sign in" }).click();
  await anon.waitForFunction(() => document.getElementById("status").textContent.length > 0);
  check((await statusText(anon)).includes("Invalid email or password"), "a wrong password is reported");

  const origins = new Set(await Promise.all(postOrigins));
  check(postOrigins.length >= 7 && origins.size === 1 && origins.has(origin),
    `the page's ${postOrigins.length} POSTs carry Origin ${origin} (${[...origins].join(", ")})`);
  check(problems.length === 0, `no console errors or CSP violations (${problems.join("; ")})`);
}

const started = Date.now();
try {
  await main();
  console.log(`sessions-page: ${checks} checks passed in ${Date.now() - started} ms`);
} catch (e) {
  console.error(e && e.stack || e);
  process.exitCode = 1;
} finally {
  await closeBrowser();
  clearTimeout(watchdog);
}
