ALTER TABLE "hearings" ADD COLUMN "registered_afterwards_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "registered_afterwards_by" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "registered_afterwards_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "registered_afterwards_by" uuid;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_registered_afterwards_by_users_id_fk" FOREIGN KEY ("registered_afterwards_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_registered_afterwards_by_users_id_fk" FOREIGN KEY ("registered_afterwards_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_registered_afterwards" CHECK ("hearings"."registered_afterwards_by" is null or "hearings"."registered_afterwards_at" is not null);--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_registered_afterwards" CHECK (("meetings"."registered_afterwards_by" is null or "meetings"."registered_afterwards_at" is not null) and ("meetings"."registered_afterwards_at" is null or "meetings"."state" in ('held', 'minutes_for_comment', 'minutes_approved')));