// One policy for every token, as people see it in Chromium. Arguments: Jenkins' URL, a mode, a folder for
// screenshots and a suffix for their names (the Jenkins line). Users' passwords are their names.
//   held:    a strict policy no core token can meet. Alice's Security page: core's "Add new token" gives way to the
//            reason, her old token is marked as breaking the policy, with the date it is blocked from; the admin's
//            grouped policy form and the overview's "Breaking the policy" filter.
//   trimmed: a policy core tokens can meet only with an expiry within 30 days (Jenkins 2.548 and later): core's
//            button stays, and its form offers no longer expiry, no custom date and no "never".
// Prints one line per check; exits non-zero on the first one that fails.
import { check, loggedIn as logIn, run } from "./harness.mjs";

const [base, mode, shots, suffix] = process.argv.slice(2);
const loggedIn = (user) => logIn(base, user);

/** The core section's part of the page: its title and what follows, down to the next section. */
async function shootCoreSection(page, name) {
  const refusal = page.locator(".atm-core-refusal, button.api-token-property-add").last();
  await refusal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots + "/" + name + suffix + ".png" });
}

async function held() {
  const alice = await loggedIn("alice");
  await alice.goto(base + "user/alice/security/");
  await alice.waitForSelector(".atm");
  check((await alice.locator("button.api-token-property-add").count()) === 0, "core's Add new token button is gone");
  const reasons = alice.locator(".atm-core-refusal");
  check((await reasons.count()) >= 1, "core's section says why in its place");
  const reason = (await reasons.first().innerText()).trim();
  check(reason.includes("Core's tokens always have full access"), "the reason names the rule: " + reason);
  check(reason.includes("'API tokens' section"), "and points to the plugin's section: " + reason);
  const marked = alice.locator('.atm-row[data-token-name="old script"] .atm-breaks-policy');
  check(await marked.isVisible(), "the old token is marked as breaking the policy");
  const why = (await alice.locator('.atm-row[data-token-name="old script"] .atm-breach').innerText()).trim();
  check(why.includes("It never expires"), "its row says which rule and what to do: " + why);
  const attention = (await alice.locator(".atm-policy-attention").innerText()).trim();
  check(/will be refused from \d{4}-\d{2}-\d{2}/.test(attention), "the page says from when: " + attention);
  await alice.setViewportSize({ width: 1280, height: 1100 });
  await alice.locator(".atm").screenshot({ path: shots + "/user-security-breaking" + suffix + ".png" });
  await shootCoreSection(alice, "core-section-held");

  const admin = await loggedIn("admin");
  await admin.setViewportSize({ width: 1280, height: 2400 });
  await admin.goto(base + "manage/configureSecurity/");
  const headings = await admin.locator(".jenkins-section__title").allInnerTexts();
  for (const heading of [
    "Lifetime",
    "Scopes and reach",
    "Core's tokens and enforcement",
    "Usage and ageing",
    "Per-build tokens",
    "Notices",
  ]) {
    check(headings.some((title) => title.trim() === heading), "the policy form has the heading " + heading);
  }
  // The date's check says how many tokens it blocks; it arrives after the page.
  await admin.getByText("live tokens break the policy as saved").waitFor({ timeout: 10000 });
  // The form's sticky Save bar would lie across a picture taller than the window.
  await admin.addStyleTag({ content: "#bottom-sticker, .jenkins-bottom-app-bar__shadow { display: none !important; }" });
  const first = admin.locator(".jenkins-section__title", { hasText: "Lifetime" }).first();
  const top = (await first.boundingBox()).y - 60;
  const last = admin.locator(".jenkins-section__title", { hasText: "Notices" }).first();
  const bottom = (await last.boundingBox()).y + 250;
  await admin.screenshot({
    path: shots + "/admin-policy" + suffix + ".png",
    clip: { x: 0, y: Math.max(0, top), width: 1280, height: bottom - top },
    fullPage: true,
  });

  // The form checks its fields in the background: let them answer before leaving, as a person would.
  await admin.waitForLoadState("networkidle");
  await admin.setViewportSize({ width: 1280, height: 900 });
  await admin.goto(base + "manage/api-tokens/?filter=breakingPolicy");
  const rows = admin.locator("tr:has(.atm-breaks-policy)");
  check((await rows.count()) >= 2, "the overview's filter lists the breaking tokens, core's among them");
  check(
    (await admin.locator(".atm-days").isHidden()) === true,
    "the 'unused for N days' field is hidden for this filter",
  );
  await admin.screenshot({ path: shots + "/admin-overview-breaking" + suffix + ".png", fullPage: true });
}

async function trimmed() {
  const alice = await loggedIn("alice");
  await alice.goto(base + "user/alice/security/");
  await alice.waitForSelector(".atm");
  const add = alice.locator("button.api-token-property-add:visible").first();
  check(await add.isVisible(), "core's button stays where a core token can meet the policy");
  await add.click();
  const select = alice.locator('dialog.jenkins-dialog select[name="expirationDuration"]');
  await select.waitFor();
  const offered = await select.locator("option").evaluateAll((options) => options.map((o) => o.value));
  check(
    offered.length > 0 && offered.every((value) => /^\d+$/.test(value) && parseInt(value, 10) <= 30),
    "core's form offers only lifetimes within 30 days: " + offered.join(", "),
  );
  await alice.screenshot({ path: shots + "/core-section-trimmed" + suffix + ".png" });
}

await run(mode === "held" ? held : trimmed);
