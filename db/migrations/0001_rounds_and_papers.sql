CREATE TYPE "public"."position_visibility" AS ENUM('on-submission', 'after-deadline', 'never');--> statement-breakpoint
CREATE TYPE "public"."round_phase" AS ENUM('draft', 'open', 'sessions', 'synthesis', 'published', 'closed');--> statement-breakpoint
CREATE TABLE "collaborative_documents" (
	"name" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"compacted_through" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"framing" text DEFAULT '' NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"phase" "round_phase" DEFAULT 'draft' NOT NULL,
	"phase_dates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submission_deadline" timestamp with time zone,
	"word_limit" integer,
	"position_visibility" "position_visibility" DEFAULT 'after-deadline' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_updates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"document_name" text NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"paper_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"word_count" integer NOT NULL,
	"digest" text NOT NULL,
	"submitted_by_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "position_papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"language" "locale" DEFAULT 'en' NOT NULL,
	"started_by_id" uuid,
	"html" text DEFAULT '' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"word_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_organizations" (
	"round_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_rounds" ADD CONSTRAINT "consultation_rounds_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_versions" ADD CONSTRAINT "paper_versions_paper_id_position_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."position_papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_versions" ADD CONSTRAINT "paper_versions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_papers" ADD CONSTRAINT "position_papers_round_id_consultation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."consultation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_papers" ADD CONSTRAINT "position_papers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_papers" ADD CONSTRAINT "position_papers_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_organizations" ADD CONSTRAINT "round_organizations_round_id_consultation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."consultation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_organizations" ADD CONSTRAINT "round_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_updates_name_idx" ON "document_updates" USING btree ("document_name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_versions_number_unique" ON "paper_versions" USING btree ("paper_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "position_papers_round_org_unique" ON "position_papers" USING btree ("round_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_organizations_pk" ON "round_organizations" USING btree ("round_id","organization_id");--> statement-breakpoint
CREATE INDEX "round_organizations_org_idx" ON "round_organizations" USING btree ("organization_id");