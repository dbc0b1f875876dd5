DROP INDEX "comment_reports_once";--> statement-breakpoint
CREATE UNIQUE INDEX "comment_reports_once" ON "comment_reports" USING btree ("comment_id","reporter_id") WHERE closed_at is null;