CREATE INDEX "comment_threads_version_idx" ON "comment_threads" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_hidden_idx" ON "comments" USING btree ("hidden_at") WHERE hidden_at is not null;--> statement-breakpoint
CREATE INDEX "comments_organization_idx" ON "comments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_unsent_idx" ON "mail_outbox" USING btree ("created_at") WHERE sent_at is null;--> statement-breakpoint
CREATE INDEX "notifications_comment_idx" ON "notifications" USING btree (("payload" ->> 'commentId'));