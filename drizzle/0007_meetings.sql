CREATE TABLE "meeting_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"proposed" boolean DEFAULT false NOT NULL,
	"proposed_by" uuid,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_agenda_items_title" CHECK (length(trim("meeting_agenda_items"."title")) > 0),
	CONSTRAINT "meeting_agenda_items_duration" CHECK ("meeting_agenda_items"."duration_minutes" between 1 and 600),
	CONSTRAINT "meeting_agenda_items_position" CHECK ("meeting_agenda_items"."position" >= 0),
	CONSTRAINT "meeting_agenda_items_proposal" CHECK ((not "meeting_agenda_items"."proposed" or "meeting_agenda_items"."accepted_by" is null) and ("meeting_agenda_items"."proposed_by" is not null or not "meeting_agenda_items"."proposed"))
);
--> statement-breakpoint
CREATE TABLE "meeting_agreements" (
	"meeting_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	CONSTRAINT "meeting_agreements_pk" PRIMARY KEY("meeting_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_comments_body" CHECK (length(trim("meeting_comments"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"owner_person_id" uuid,
	"owner_department_id" uuid,
	"due_date" date,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"contribution_id" uuid,
	"section_agreement_id" uuid,
	"section_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_outcomes_kind" CHECK ("meeting_outcomes"."kind" in ('information', 'decision', 'action')),
	CONSTRAINT "meeting_outcomes_text" CHECK (length(trim("meeting_outcomes"."text")) > 0),
	CONSTRAINT "meeting_outcomes_action" CHECK ("meeting_outcomes"."kind" <> 'action' or (("meeting_outcomes"."owner_person_id" is not null) <> ("meeting_outcomes"."owner_department_id" is not null) and "meeting_outcomes"."due_date" is not null)),
	CONSTRAINT "meeting_outcomes_only_action" CHECK ("meeting_outcomes"."kind" = 'action' or ("meeting_outcomes"."owner_person_id" is null and "meeting_outcomes"."owner_department_id" is null and "meeting_outcomes"."due_date" is null and "meeting_outcomes"."done_at" is null and "meeting_outcomes"."contribution_id" is null and "meeting_outcomes"."section_key" is null)),
	CONSTRAINT "meeting_outcomes_section" CHECK (("meeting_outcomes"."section_agreement_id" is null) = ("meeting_outcomes"."section_key" is null)),
	CONSTRAINT "meeting_outcomes_one_link" CHECK ("meeting_outcomes"."contribution_id" is null or "meeting_outcomes"."section_key" is null),
	CONSTRAINT "meeting_outcomes_position" CHECK ("meeting_outcomes"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"organisation" text,
	"email" text,
	"side" text NOT NULL,
	"department_id" uuid,
	"attendance" text DEFAULT 'invited' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "meeting_participants_side" CHECK ("meeting_participants"."side" in ('county', 'region', 'municipality')),
	CONSTRAINT "meeting_participants_attendance" CHECK ("meeting_participants"."attendance" in ('invited', 'attended', 'excused', 'absent')),
	CONSTRAINT "meeting_participants_department" CHECK ("meeting_participants"."side" = 'county' or "meeting_participants"."department_id" is null),
	CONSTRAINT "meeting_participants_name" CHECK (length(trim("meeting_participants"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"video_link" text,
	"owner_department_id" uuid,
	"state" text DEFAULT 'planned' NOT NULL,
	"minutes" jsonb,
	"minutes_updated_at" timestamp with time zone,
	"minutes_updated_by" uuid,
	"held_at" timestamp with time zone,
	"minutes_sent_at" timestamp with time zone,
	"minutes_approved_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_id_cycle_unique" UNIQUE("id","cycle_id"),
	CONSTRAINT "meetings_type" CHECK ("meetings"."type" in ('kickoff', 'internal_summary', 'collaboration', 'bilateral', 'final', 'follow_up', 'other')),
	CONSTRAINT "meetings_state" CHECK ("meetings"."state" in ('planned', 'held', 'minutes_for_comment', 'minutes_approved', 'cancelled')),
	CONSTRAINT "meetings_title" CHECK (length(trim("meetings"."title")) > 0),
	CONSTRAINT "meetings_ends_after_start" CHECK ("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_bilateral_owner" CHECK ("meetings"."type" <> 'bilateral' or "meetings"."owner_department_id" is not null),
	CONSTRAINT "meetings_sequence" CHECK ("meetings"."sequence" >= 0),
	CONSTRAINT "meetings_held" CHECK (("meetings"."state" in ('held', 'minutes_for_comment', 'minutes_approved')) = ("meetings"."held_at" is not null)),
	CONSTRAINT "meetings_minutes_sent" CHECK (("meetings"."state" in ('minutes_for_comment', 'minutes_approved')) = ("meetings"."minutes_sent_at" is not null)),
	CONSTRAINT "meetings_minutes_approved" CHECK (("meetings"."state" = 'minutes_approved') = ("meetings"."minutes_approved_at" is not null)),
	CONSTRAINT "meetings_cancelled" CHECK (("meetings"."state" = 'cancelled') = ("meetings"."cancelled_at" is not null)),
	CONSTRAINT "meetings_minutes_written" CHECK ("meetings"."state" not in ('minutes_for_comment', 'minutes_approved') or "meetings"."minutes" is not null)
);
--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agreements" ADD CONSTRAINT "meeting_agreements_meeting_fk" FOREIGN KEY ("meeting_id","cycle_id") REFERENCES "public"."meetings"("id","cycle_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agreements" ADD CONSTRAINT "meeting_agreements_agreement_fk" FOREIGN KEY ("agreement_id","cycle_id") REFERENCES "public"."agreements"("id","cycle_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_comments" ADD CONSTRAINT "meeting_comments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_comments" ADD CONSTRAINT "meeting_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_owner_department_id_departments_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_section_agreement_id_agreements_id_fk" FOREIGN KEY ("section_agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_owner_department_id_departments_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_minutes_updated_by_users_id_fk" FOREIGN KEY ("minutes_updated_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting" ON "meeting_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_agreements_agreement" ON "meeting_agreements" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "meeting_comments_meeting" ON "meeting_comments" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_outcomes_meeting" ON "meeting_outcomes" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_outcomes_open_person" ON "meeting_outcomes" USING btree ("owner_person_id") WHERE "meeting_outcomes"."kind" = 'action' and "meeting_outcomes"."done_at" is null;--> statement-breakpoint
CREATE INDEX "meeting_outcomes_open_department" ON "meeting_outcomes" USING btree ("owner_department_id") WHERE "meeting_outcomes"."kind" = 'action' and "meeting_outcomes"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_person_unique" ON "meeting_participants" USING btree ("meeting_id","person_id") WHERE "meeting_participants"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_name_unique" ON "meeting_participants" USING btree ("meeting_id",lower("name"),lower(coalesce("organisation", ''))) WHERE "meeting_participants"."person_id" is null;--> statement-breakpoint
CREATE INDEX "meeting_participants_meeting" ON "meeting_participants" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_participants_person" ON "meeting_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meetings_cycle" ON "meetings" USING btree ("cycle_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_owner_department" ON "meetings" USING btree ("owner_department_id");