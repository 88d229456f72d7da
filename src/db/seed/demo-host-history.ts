/**
 * Demo data for issue 19 item 8: each submitted demo host application keeps
 * the organization as it was submitted (organization_snapshot), as
 * submitHostApplication records it; Sakura Seiki has since edited its details
 * once (5 employees fewer before), so its history is not empty.
 */
import type { Kysely } from "kysely";
import { organizationAttributes } from "../../services/hosts/organization-attributes.ts";
import type { Database } from "../schema.ts";

export async function seedDemoHostHistory(db: Kysely<Database>): Promise<void> {
  const apps = await db
    .selectFrom("host_applications")
    .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
    .selectAll("host_organizations")
    .select(["host_applications.id as application_id"])
    .where("host_applications.status", "!=", "draft")
    .where("host_applications.organization_snapshot", "is", null)
    .execute();
  for (const row of apps) {
    const { application_id, ...org } = row;
    const attributes = organizationAttributes(org);
    await db
      .updateTable("host_applications")
      .set({ organization_snapshot: JSON.stringify(attributes) })
      .where("id", "=", application_id)
      .execute();
    await db
      .insertInto("host_organization_revisions")
      .values({
        id: crypto.randomUUID(),
        organization_id: org.id,
        attributes: JSON.stringify({ ...attributes, employees: Math.max(1, attributes.employees - 5) }),
        replaced_by: null,
        // When the demo was loaded (the demo's deadlines lie ahead), so later edits list above it.
        replaced_at: org.created_at,
      })
      .execute();
  }
}
