ALTER TABLE "comments" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Comments written before this migration: the best knowledge left is the author's organization now.
UPDATE "comments" SET "organization_id" = "users"."organization_id" FROM "users" WHERE "users"."id" = "comments"."author_id";
