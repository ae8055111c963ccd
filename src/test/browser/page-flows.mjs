// The user page's flows as a person sees them in Chromium: add, rotate, rename, revoke, and what the table shows
// after each. HtmlUnit runs the page's script differently (it missed a dialog that returned nothing); this runs it
// in the browser people use. Arguments: Jenkins' URL, a user whose password is the user name, a folder for
// screenshots. Exits non-zero on the first broken promise; prints one line per check.
import { chromium } from "playwright-core";
import { knownCoreError } from "./known-core-errors.mjs";

const [base, user, shots] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
let passed = 0;
// The dialog in front: a dialog that was just answered stays in the page, marked `closing`, until its closing
// animation ends, which can overlap the next dialog (rotate: the confirmation, then the new value).
const DIALOG = "dialog.jenkins-dialog:not([closing])";

function check(condition, what) {
  if (!condition) {
    throw new Error("FAILED: " + what);
  }
  passed++;
  console.log("ok - " + what);
}

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const scriptErrors = [];
let coreVersion;
page.on("pageerror", (error) => {
  // The version is known from the first page on; a known error of this core is noted, not counted.
  const known = knownCoreError(error, coreVersion);
  if (known) {
    console.log("note - not counted, a known error of Jenkins " + coreVersion + ", " + known + ": " + error.message);
  } else {
    scriptErrors.push(error.message);
  }
});

async function securityPage() {
  await page.goto(base + "user/" + user + "/security/");
  await page.waitForSelector(".atm");
}

async function valueShownOnce() {
  // The dialog that asked (a confirmation, the grace period form) may still be closing beside the new one.
  const dialog = page.locator(DIALOG).filter({ has: page.locator(".atm-value-text") });
  await dialog.waitFor();
  const value = (await dialog.locator(".atm-value-text").textContent()).trim();
  check(/^jnkapi_/.test(value), "the new value is shown in the dialog");
  if (shots) {
    await page.screenshot({ path: shots + "/new-token-dialog.png" });
  }
  await Promise.all([page.waitForEvent("load"), dialog.locator("[data-id=ok]").click()]);
  await page.waitForSelector(".atm");
  check(!(await page.content()).includes(value), "after Done, the page no longer holds the value");
  return value;
}

try {
  coreVersion = (await page.goto(base + "login")).headers()["x-jenkins"];
  await page.fill("input[name=j_username]", user);
  await page.fill("input[name=j_password]", user);
  await Promise.all([page.waitForEvent("load"), page.press("input[name=j_password]", "Enter")]);

  await securityPage();
  if (process.env.SHOT_ONLY) {
    // For a "before" picture of an older build of the plugin: the page as it is, no checks.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: shots + "/" + process.env.SHOT_ONLY });
    process.exit(0);
  }
  const sections = await page.locator(".jenkins-section__title").allInnerTexts();
  const ours = sections.findIndex((title) => title.trim() === "All API tokens");
  const cores = sections.findIndex((title) => title.trim() === "API Token");
  check(ours >= 0 && cores > ours, "the plugin's section comes first, core's after it: " + sections.join(" | "));
  check(await page.locator(".atm-relation").isVisible(), "a line explains how the two sections relate");
  if (shots) {
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: shots + "/user-security-both-sections.png" });
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  // Add
  await page.fill(".atm-new-name", "deploy");
  await page.click(".atm-add-button");
  const first = await valueShownOnce();
  const row = page.locator('.atm-row[data-token-name="deploy"]');
  check(await row.isVisible(), "after adding, the new token is in the table");

  // Rotate
  await row.locator(".atm-rotate").click();
  await page.locator(DIALOG + " [data-id=ok]").click();
  const second = await valueShownOnce();
  check(second !== first, "rotation shows a different value");
  check(await page.locator('.atm-row[data-token-name="deploy"]').isVisible(), "after rotating, the token is listed");

  // Rename
  await page.locator('.atm-row[data-token-name="deploy"] .atm-rename').click();
  const prompt = page.locator(DIALOG + " input");
  await prompt.fill("deploy v2");
  await page.locator(DIALOG + " [data-id=ok]").click();
  await page.waitForSelector('.atm-row[data-token-name="deploy v2"]');
  check(
    (await page.locator('.atm-row[data-token-name="deploy v2"] .atm-name').textContent()).trim() === "deploy v2",
    "after renaming, the row shows the new name",
  );
  await securityPage();
  check(await page.locator('.atm-row[data-token-name="deploy v2"]').isVisible(), "the new name survives a reload");
  if (shots) {
    await page.locator(".atm").screenshot({ path: shots + "/user-security-page.png" });
  }

  // Revoke
  await page.locator('.atm-row[data-token-name="deploy v2"] .atm-revoke').click();
  await page.locator(DIALOG + " [data-id=ok]").click();
  await page.waitForSelector('.atm-row[data-token-name="deploy v2"]', { state: "detached" });
  check(true, "after revoking, the row is gone");
  await securityPage();
  check((await page.locator('.atm-row[data-token-name="deploy v2"]').count()) === 0, "and stays gone after a reload");

  // Rotate with a grace period (the Jenkins test allows up to a day): the old value is listed as retiring.
  const nightly = page.locator('.atm-row[data-token-name="nightly report"]');
  await nightly.locator(".atm-rotate").click();
  const form = page.locator(DIALOG + " select[name=grace]");
  await form.waitFor();
  await form.selectOption("1d");
  await page.locator(DIALOG + " [data-id=ok]").click();
  await valueShownOnce();
  const retiring = page.locator('.atm-row[data-token-name="nightly report"] .atm-retiring');
  check((await retiring.count()) === 1, "after a rotation with a grace period, the old value is listed as retiring");
  check((await retiring.textContent()).trim().startsWith("retiring until "), "with the end of its grace period");
  check(await page.locator(".atm-attention").isVisible(), "the page says a token expires within 7 days");
  if (shots) {
    await page.locator(".atm").screenshot({ path: shots + "/user-security-retiring.png" });
  }

  // A token limited to two items: names are suggested as they are typed (core's auto-completion), the table shows them.
  await securityPage();
  await page.fill(".atm-new-name", "deploy trigger");
  await page.selectOption(".atm-new-scope", "run-builds");
  const items = page.locator(".atm-new-items");
  await items.pressSequentially("team/a", { delay: 50 });
  const app = page.locator(".jenkins-dropdown__item", { hasText: "team/app" });
  await app.first().waitFor();
  check(true, "typing a folder's name suggests the jobs in it");
  await app.first().click();
  await items.pressSequentially("op", { delay: 50 });
  const ops = page.locator(".jenkins-dropdown__item", { hasText: "ops" });
  await ops.first().waitFor();
  check((await page.locator(".jenkins-dropdown__item", { hasText: "secret" }).count()) === 0, "and only items the user can see");
  if (shots) {
    await page.waitForTimeout(400); // the suggestions fade in
    await page.locator(".atm").screenshot({ path: shots + "/add-form-limited.png" });
  }
  await ops.first().click();
  check((await items.inputValue()).replace(/\s+/g, " ").trim() === "team/app, ops,", "the chosen names are listed: " + (await items.inputValue()));
  await page.click(".atm-add-button");
  await valueShownOnce();
  const limited = page.locator('.atm-row[data-token-name="deploy trigger"]');
  check((await limited.locator(".atm-items").textContent()).trim() === "in ops, team/app", "the table shows where it works");
  if (shots) {
    await page.locator(".atm").screenshot({ path: shots + "/limited-tokens.png" });
  }

  // The user's menu counts tokens expiring within 7 days or expired.
  await page.goto(base + "user/" + user + "/");
  const badge = page.locator(".task-icon-badge").first();
  await badge.waitFor();
  check((await badge.textContent()).trim() === "1", "the user's menu shows a badge for the expiring token");
  if (shots) {
    await page.locator("#side-panel").screenshot({ path: shots + "/user-menu-badge.png" });
  }

  check(scriptErrors.length === 0, "no script error on the page: " + scriptErrors.join("; "));
  console.log(passed + " passed, 0 failed");
} catch (error) {
  console.log(error.message);
  if (scriptErrors.length) {
    console.log("script errors: " + scriptErrors.join("; "));
  }
  if (shots) {
    await page.screenshot({ path: shots + "/failure.png", fullPage: true }).catch(() => {});
  }
  console.log(passed + " passed, 1 failed");
  process.exitCode = 1;
} finally {
  await browser.close();
}
