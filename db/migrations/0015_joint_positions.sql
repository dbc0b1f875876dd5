CREATE TYPE "public"."co_signer_access" AS ENUM('read-and-comment', 'edit');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'co-signing';--> statement-breakpoint
CREATE TABLE "paper_co_signers" (
	"paper_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"invited_by_id" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_by_id" uuid,
	"accepted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "paper_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"digest" text NOT NULL,
	"signed_by_id" uuid,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_by_id" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consultation_rounds" ADD COLUMN "co_signer_access" "co_signer_access" DEFAULT 'read-and-comment' NOT NULL;--> statement-breakpoint
ALTER TABLE "paper_co_signers" ADD CONSTRAINT "paper_co_signers_paper_id_position_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."position_papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_co_signers" ADD CONSTRAINT "paper_co_signers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_co_signers" ADD CONSTRAINT "paper_co_signers_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_co_signers" ADD CONSTRAINT "paper_co_signers_accepted_by_id_users_id_fk" FOREIGN KEY ("accepted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_signatures" ADD CONSTRAINT "paper_signatures_version_id_paper_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."paper_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_signatures" ADD CONSTRAINT "paper_signatures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_signatures" ADD CONSTRAINT "paper_signatures_signed_by_id_users_id_fk" FOREIGN KEY ("signed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_signatures" ADD CONSTRAINT "paper_signatures_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "paper_co_signers_pk" ON "paper_co_signers" USING btree ("paper_id","organization_id");--> statement-breakpoint
CREATE INDEX "paper_co_signers_org_idx" ON "paper_co_signers" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_signatures_standing_unique" ON "paper_signatures" USING btree ("version_id","organization_id") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "paper_signatures_org_idx" ON "paper_signatures" USING btree ("organization_id");