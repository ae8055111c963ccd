// What the page-flow scripts share: headless Chromium (Debian's, or $CHROMIUM), numbered checks, logging in as a
// user of the dummy realm (password = user name), and the closing line the Java runner reads.
import { chromium } from "playwright-core";
import { knownCoreError } from "./known-core-errors.mjs";

export const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const pageErrors = [];
let coreVersion;
let passed = 0;

export function check(condition, what) {
  if (!condition) {
    throw new Error("FAILED: " + what);
  }
  passed++;
  console.log("ok - " + what);
}

export async function loggedIn(base, user) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on("pageerror", (error) => pageErrors.push({ error, url: page.url() }));
  coreVersion = (await page.goto(base + "login")).headers()["x-jenkins"];
  await page.fill("input[name=j_username]", user);
  await page.fill("input[name=j_password]", user);
  await Promise.all([page.waitForEvent("load"), page.press("input[name=j_password]", "Enter")]);
  return page;
}

/** The pages' script errors, each with where and in which script; known errors of this core are noted, not counted. */
function scriptErrors() {
  const counted = [];
  for (const { error, url } of pageErrors) {
    const where = error.message + " (on " + url + ", " + (error.stack || "").split("\n")[1]?.trim() + ")";
    const known = knownCoreError(error, coreVersion);
    if (known) {
      console.log("note - not counted, a known error of Jenkins " + coreVersion + ", " + known + ": " + where);
    } else {
      counted.push(where);
    }
  }
  return counted;
}

/** Runs the flow, then says "N passed, 0 failed" (or names the first failure) and closes the browser. */
export async function run(flow) {
  let errors = null;
  try {
    await flow();
    errors = scriptErrors();
    check(errors.length === 0, "no script error on the pages: " + errors.join("; "));
    console.log(passed + " passed, 0 failed");
  } catch (error) {
    console.log(error.message);
    // A flow that broke off: its pages' script errors may say why.
    errors ??= scriptErrors();
    if (errors.length) {
      console.log("script errors: " + errors.join("; "));
    }
    console.log(passed + " passed, 1 failed");
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
