CREATE TABLE "disposition_inputs" (
	"input_id" uuid PRIMARY KEY NOT NULL,
	"disposition_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispositions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hearing_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"final" boolean DEFAULT true NOT NULL,
	"assigned_department_id" uuid,
	"taken_in_version_id" uuid,
	"taken_in_section_key" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispositions_outcome" CHECK ("dispositions"."outcome" in ('taken_in', 'partly_taken_in', 'not_taken_in', 'noted')),
	CONSTRAINT "dispositions_reason" CHECK (length("dispositions"."reason") > 0),
	CONSTRAINT "dispositions_taken_in" CHECK (("dispositions"."taken_in_version_id" is null or "dispositions"."outcome" in ('taken_in', 'partly_taken_in')) and ("dispositions"."taken_in_section_key" is null or "dispositions"."taken_in_version_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "hearing_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hearing_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"section_key" text,
	"text" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hearing_inputs_section_key" CHECK ("hearing_inputs"."section_key" is null or "hearing_inputs"."section_key" ~ '^[a-z][a-z0-9-]{0,39}$'),
	CONSTRAINT "hearing_inputs_text" CHECK (length("hearing_inputs"."text") > 0),
	CONSTRAINT "hearing_inputs_withdrawn_by" CHECK ("hearing_inputs"."withdrawn_by" is null or "hearing_inputs"."withdrawn_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "hearing_invitations" (
	"hearing_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hearing_invitations_pk" PRIMARY KEY("hearing_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "hearings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deadline" date NOT NULL,
	"cover_letter" text NOT NULL,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hearings_kind" CHECK ("hearings"."kind" in ('informal', 'formal')),
	CONSTRAINT "hearings_closed_by" CHECK ("hearings"."closed_by" is null or "hearings"."closed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "input_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"input_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "input_attachments_media_type" CHECK ("input_attachments"."media_type" in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
	CONSTRAINT "input_attachments_size" CHECK ("input_attachments"."size" > 0 and "input_attachments"."size" <= 10485760 and "input_attachments"."size" = octet_length("input_attachments"."content")),
	CONSTRAINT "input_attachments_sha256" CHECK ("input_attachments"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "input_attachments_filename" CHECK (length("input_attachments"."filename") between 1 and 255)
);
--> statement-breakpoint
ALTER TABLE "disposition_inputs" ADD CONSTRAINT "disposition_inputs_input_id_hearing_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."hearing_inputs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposition_inputs" ADD CONSTRAINT "disposition_inputs_disposition_id_dispositions_id_fk" FOREIGN KEY ("disposition_id") REFERENCES "public"."dispositions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispositions" ADD CONSTRAINT "dispositions_hearing_id_hearings_id_fk" FOREIGN KEY ("hearing_id") REFERENCES "public"."hearings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispositions" ADD CONSTRAINT "dispositions_assigned_department_id_departments_id_fk" FOREIGN KEY ("assigned_department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispositions" ADD CONSTRAINT "dispositions_taken_in_version_id_document_versions_id_fk" FOREIGN KEY ("taken_in_version_id") REFERENCES "public"."document_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispositions" ADD CONSTRAINT "dispositions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_inputs" ADD CONSTRAINT "hearing_inputs_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_inputs" ADD CONSTRAINT "hearing_inputs_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_inputs" ADD CONSTRAINT "hearing_inputs_invitation_fk" FOREIGN KEY ("hearing_id","region_id") REFERENCES "public"."hearing_invitations"("hearing_id","region_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_invitations" ADD CONSTRAINT "hearing_invitations_hearing_id_hearings_id_fk" FOREIGN KEY ("hearing_id") REFERENCES "public"."hearings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_invitations" ADD CONSTRAINT "hearing_invitations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_attachments" ADD CONSTRAINT "input_attachments_input_id_hearing_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."hearing_inputs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_attachments" ADD CONSTRAINT "input_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disposition_inputs_disposition" ON "disposition_inputs" USING btree ("disposition_id");--> statement-breakpoint
CREATE INDEX "dispositions_hearing" ON "dispositions" USING btree ("hearing_id");--> statement-breakpoint
CREATE INDEX "dispositions_department" ON "dispositions" USING btree ("assigned_department_id");--> statement-breakpoint
CREATE INDEX "hearing_inputs_hearing" ON "hearing_inputs" USING btree ("hearing_id","region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hearing_inputs_one_per_section" ON "hearing_inputs" USING btree ("hearing_id","region_id",coalesce("section_key", '')) WHERE "hearing_inputs"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "hearing_invitations_region" ON "hearing_invitations" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "hearings_cycle" ON "hearings" USING btree ("cycle_id","created_at");--> statement-breakpoint
CREATE INDEX "hearings_version" ON "hearings" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "input_attachments_input" ON "input_attachments" USING btree ("input_id","created_at");