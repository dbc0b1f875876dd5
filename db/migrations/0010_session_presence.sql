CREATE TABLE "session_presence" (
	"session_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"seconds" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_presence" ADD CONSTRAINT "session_presence_session_id_consultation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."consultation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_presence" ADD CONSTRAINT "session_presence_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "session_presence_pk" ON "session_presence" USING btree ("session_id","organization_id");--> statement-breakpoint
CREATE INDEX "session_presence_org_idx" ON "session_presence" USING btree ("organization_id");--> statement-breakpoint
-- Sessions closed before this table existed: their time present per organization, merged as the record merges it.
INSERT INTO "session_presence" ("session_id", "organization_id", "seconds")
SELECT p.session_id, p.organization_id, coalesce(sum(extract(epoch from upper(r) - lower(r))), 0)
FROM (
  SELECT a.session_id, a.organization_id,
         range_agg(tstzrange(a.joined_at, greatest(a.joined_at, coalesce(a.left_at, s.closed_at, a.joined_at)))) AS present
  FROM "session_attendance" a JOIN "consultation_sessions" s ON s.id = a.session_id
  WHERE s.status = 'closed' AND a.organization_id IS NOT NULL
  GROUP BY a.session_id, a.organization_id
) p CROSS JOIN LATERAL unnest(p.present) AS r
GROUP BY p.session_id, p.organization_id;
