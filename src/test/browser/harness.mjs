// What the page-flow scripts share: headless Chromium (Debian's, or $CHROMIUM), numbered checks, logging in as a
// user of the dummy realm (password = user name), and the closing line the Java runner reads.
import { chromium } from "playwright-core";

export const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const scriptErrors = [];
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
  // Where and in which script, so that an error seen once under load can be traced.
  page.on("pageerror", (error) =>
    scriptErrors.push(error.message + " (on " + page.url() + ", " + (error.stack || "").split("\n")[1]?.trim() + ")"),
  );
  await page.goto(base + "login");
  await page.fill("input[name=j_username]", user);
  await page.fill("input[name=j_password]", user);
  await Promise.all([page.waitForEvent("load"), page.press("input[name=j_password]", "Enter")]);
  return page;
}

/** Runs the flow, then says "N passed, 0 failed" (or names the first failure) and closes the browser. */
export async function run(flow) {
  try {
    await flow();
    check(scriptErrors.length === 0, "no script error on the pages: " + scriptErrors.join("; "));
    console.log(passed + " passed, 0 failed");
  } catch (error) {
    console.log(error.message);
    if (scriptErrors.length) {
      console.log("script errors: " + scriptErrors.join("; "));
    }
    console.log(passed + " passed, 1 failed");
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
