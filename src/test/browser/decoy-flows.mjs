// Decoy tokens as an administrator sees them in Chromium. Arguments: Jenkins' URL, a folder for screenshots and a
// suffix for their names (the Jenkins line). From the overview to the Decoys page, a decoy planted with the form
// (its value shown once), the value tried as a script would, the page showing the trip, and the audit trail verified
// with the trip in it; never the value again.
import { check, loggedIn, run } from "./harness.mjs";

const [base, shots, suffix] = process.argv.slice(2);

await run(async () => {
  const admin = await loggedIn(base, "admin");
  await admin.goto(base + "manage/api-tokens/");
  await admin.locator("a.atm-decoys-link").click();
  await admin.waitForSelector("form.atm-decoy-form");
  check((await admin.locator(".atm-no-decoys").count()) === 1, "the Decoys page opens from the overview, empty");

  await admin.fill("#atm-decoy-name", "netrc on agent-3");
  await admin.fill("#atm-decoy-place", "~/.netrc of the build user on agent-3");
  await Promise.all([admin.waitForEvent("load"), admin.locator("form.atm-decoy-form button[type=submit]").click()]);
  const value = (await admin.locator("code.atm-decoy-value").innerText()).trim();
  check(/^jnkapi_[0-9A-Za-z]{42}$/.test(value), "the planted page shows the value once");
  check(await admin.locator(".jenkins-copy-button").first().isVisible(), "with a copy button");
  await admin.screenshot({ path: shots + "/admin-decoy-planted" + suffix + ".png" });

  const tried = await fetch(base + "whoAmI/api/json", {
    headers: {
      Authorization: "Basic " + Buffer.from("deploy:" + value).toString("base64"),
      "User-Agent": "curl/8.5.0",
    },
  });
  check(tried.status === 401, "the value never authenticates: " + tried.status);

  await admin.goto(base + "manage/api-tokens/decoys/");
  const row = admin.locator("tr.atm-decoy-row");
  check((await row.count()) === 1, "the decoy is listed");
  check((await row.locator(".atm-trips").innerText()).trim() === "1", "with one use");
  const last = (await row.locator(".atm-last-trip").innerText()).trim();
  check(last.includes("/whoAmI/api/json") && last.includes("'deploy'") && last.includes("curl/8.5.0"),
    "and what is known of it: " + last);
  check(!(await admin.content()).includes(value), "never the value again");
  await admin.screenshot({ path: shots + "/admin-decoys" + suffix + ".png" });

  // The trip is in the audit trail, which verifies, from the overview's status line.
  await admin.goto(base + "manage/api-tokens/");
  const status = (await admin.locator(".atm-audit-status").innerText()).trim();
  check(status.includes("ntact"), "the overview says the audit trail verifies: " + status);
  await admin.locator(".atm-audit-status a").click();
  await admin.waitForSelector(".atm-audit-verdict");
  check((await admin.locator(".atm-audit-verdict").getAttribute("data-intact")) === "true", "so does its page");
  const tripped = admin.locator("tr.atm-audit-row", { hasText: "DECOY_TRIPPED" });
  check((await tripped.count()) === 1, "with the decoy's trip");
  check(!(await admin.content()).includes(value), "and never its value");
  await admin.screenshot({ path: shots + "/admin-audit-verified" + suffix + ".png" });
});
