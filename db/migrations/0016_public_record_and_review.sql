CREATE TYPE "public"."review_answer_kind" AS ENUM('agree', 'correction');--> statement-breakpoint
CREATE TYPE "public"."review_response_kind" AS ENUM('accepted', 'kept');--> statement-breakpoint
CREATE TABLE "public_records" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"participation" jsonb NOT NULL,
	"published_by_id" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_review_answers" (
	"passage_id" uuid PRIMARY KEY NOT NULL,
	"answer" "review_answer_kind" NOT NULL,
	"proposed_text" text,
	"reason" text,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"response" "review_response_kind",
	"reply" text,
	"responded_by_id" uuid,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "summary_review_passages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"passage" integer NOT NULL,
	"text" text NOT NULL,
	"cites" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_reviews" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"started_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "paper_versions" ADD COLUMN "publish_publicly" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "summary_versions" ADD COLUMN "reviewed_by" integer;--> statement-breakpoint
ALTER TABLE "summary_versions" ADD COLUMN "cited_organizations" integer;--> statement-breakpoint
ALTER TABLE "public_records" ADD CONSTRAINT "public_records_round_id_consultation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."consultation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_records" ADD CONSTRAINT "public_records_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_review_answers" ADD CONSTRAINT "summary_review_answers_passage_id_summary_review_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."summary_review_passages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_review_answers" ADD CONSTRAINT "summary_review_answers_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_review_answers" ADD CONSTRAINT "summary_review_answers_responded_by_id_users_id_fk" FOREIGN KEY ("responded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_review_passages" ADD CONSTRAINT "summary_review_passages_round_id_consultation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."consultation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_review_passages" ADD CONSTRAINT "summary_review_passages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_reviews" ADD CONSTRAINT "summary_reviews_round_id_consultation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."consultation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_reviews" ADD CONSTRAINT "summary_reviews_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "summary_review_passages_unique" ON "summary_review_passages" USING btree ("round_id","organization_id","passage");