import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectAccessible, latestMailTo, serverOf, submit, uniqueEmail } from "./support/fixtures.ts";
import { staffSignIn } from "./support/staff-sign-in.ts";

/**
 * An e-mail the delivery job gave up on (ADR 0008): the operator's home page
 * says so, the e-mail log shows it with the reason, and "Send again" puts it
 * back in the queue, after which the job sends it.
 *
 * The failure is written into the database in the state the job leaves after
 * its last failed attempt (the job's retries themselves are covered by
 * tests/integration/email-queue.test.ts against a real refusing SMTP server).
 * Only the PostgreSQL server's database can be opened from the test (the
 * JavaScript-off server's embedded database belongs to its process), so this
 * spec runs in the js-on-postgres project only (playwright.config.ts). The
 * pages carry no client-side behaviour here: "Send again" is a plain form.
 */
const signInOperator = staffSignIn("operator-emails@demo.jip.example");

test("a failed e-mail is shown to the operator with its reason and sent again", async ({ page }, testInfo) => {
  await signInOperator(page);
  const email = uniqueEmail("bounce", testInfo);
  await page.goto("/en/operator/staff");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role").selectOption("reviewer");
  await submit(page, "Send invitation");
  await expect(page.getByRole("status")).toHaveText("The invitation has been sent.");
  await latestMailTo(testInfo, email);

  const database = readFileSync(path.join(serverOf(testInfo).dataDir, "database-name"), "utf8").trim();
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${database}` });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      "update outbound_emails set status = 'failed', attempts = 6, next_attempt_at = null, sent_at = null, error = $2 where to_address = $1",
      [email, "550 5.1.1 Mailbox unavailable"],
    );
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }

  await page.goto("/en/operator");
  await expect(page.getByTestId("failed-emails")).toContainText("has failed");
  await expectAccessible(page);
  await page.getByTestId("failed-emails").getByRole("link", { name: "Show failed e-mails" }).click();
  await expect(page).toHaveURL(/\/en\/operator\/outbox\?status=failed$/);
  const mail = page.getByTestId("mail").filter({ hasText: email });
  await expect(mail.getByTestId("mail-status")).toContainText("Failed");
  await expect(mail.getByTestId("mail-status")).toContainText("6 attempts");
  await expect(mail.getByTestId("mail-status")).toContainText("no more automatic attempts");
  await expect(mail.getByTestId("mail-error")).toHaveText("Reason: 550 5.1.1 Mailbox unavailable");
  await expectAccessible(page);

  await mail.getByRole("button", { name: "Send again" }).click();
  await expect(page.getByRole("status")).toHaveText("The e-mail is queued again and will be sent within a minute.");
  await expect(page).toHaveURL(/\/en\/operator\/outbox\?status=failed&done=retried$/);
  await expect(page.getByTestId("mail").filter({ hasText: email })).toHaveCount(0);
  await expectAccessible(page);

  await expect
    .poll(
      async () => {
        await page.goto(`/en/operator/outbox?to=${encodeURIComponent(email)}`);
        return page.getByTestId("mail-status").textContent();
      },
      { timeout: 20_000 },
    )
    .toMatch(/^Sent/);
});
