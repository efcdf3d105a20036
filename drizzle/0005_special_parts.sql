CREATE TABLE "agreement_archives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"filename" text,
	"size" integer,
	"sha256" text,
	"content" "bytea",
	"failure" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "agreement_archives_state" CHECK ("agreement_archives"."state" in ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "agreement_archives_progress" CHECK ("agreement_archives"."done" >= 0 and "agreement_archives"."done" <= "agreement_archives"."total"),
	CONSTRAINT "agreement_archives_done" CHECK (("agreement_archives"."state" = 'done') = ("agreement_archives"."content" is not null and "agreement_archives"."filename" is not null and "agreement_archives"."size" is not null and "agreement_archives"."sha256" is not null))
);
--> statement-breakpoint
CREATE TABLE "agreement_general_part_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"from_version_id" uuid NOT NULL,
	"to_version_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"moved_by" uuid,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_general_part_moves_changed" CHECK ("agreement_general_part_moves"."from_version_id" <> "agreement_general_part_moves"."to_version_id"),
	CONSTRAINT "agreement_general_part_moves_reason" CHECK (length(trim("agreement_general_part_moves"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "agreement_subject_areas" (
	"agreement_id" uuid NOT NULL,
	"subject_area_id" uuid NOT NULL,
	"justification" text NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_subject_areas_agreement_id_subject_area_id_pk" PRIMARY KEY("agreement_id","subject_area_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"general_part_version_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_id_cycle_unique" UNIQUE("id","cycle_id"),
	CONSTRAINT "agreements_period" CHECK ("agreements"."period_to" > "agreements"."period_from")
);
--> statement-breakpoint
CREATE TABLE "contribution_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contribution_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"mentioned_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_comments_body" CHECK (length(trim("contribution_comments"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "contribution_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contribution_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_status_changes_to" CHECK ("contribution_status_changes"."to_status" in ('proposed', 'discussed', 'agreed', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"subject_area_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"owner_department_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"responsible" text,
	"budget_nok_per_year" bigint,
	"time_frame" text,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"position" integer NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contributions_kind" CHECK ("contributions"."kind" in ('measure', 'project', 'instrument', 'commitment')),
	CONSTRAINT "contributions_status" CHECK ("contributions"."status" in ('proposed', 'discussed', 'agreed', 'dropped')),
	CONSTRAINT "contributions_budget" CHECK ("contributions"."budget_nok_per_year" is null or "contributions"."budget_nok_per_year" >= 0),
	CONSTRAINT "contributions_position" CHECK ("contributions"."position" >= 0),
	CONSTRAINT "contributions_title" CHECK (length(trim("contributions"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "special_part_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "special_part_sections_key_format" CHECK ("special_part_sections"."key" ~ '^[a-z][a-z0-9-]{0,39}$'),
	CONSTRAINT "special_part_sections_position" CHECK ("special_part_sections"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "special_part_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"based_on_version_id" uuid,
	"contributions_snapshot" jsonb,
	"created_by" uuid,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"agreed_at" timestamp with time zone,
	"agreed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "special_part_versions_state" CHECK ("special_part_versions"."state" in ('draft', 'sent', 'agreed', 'superseded')),
	CONSTRAINT "special_part_versions_number" CHECK ("special_part_versions"."number" >= 1),
	CONSTRAINT "special_part_versions_frozen" CHECK (("special_part_versions"."state" = 'draft') = ("special_part_versions"."contributions_snapshot" is null)),
	CONSTRAINT "special_part_versions_agreed" CHECK (("special_part_versions"."state" in ('agreed', 'superseded')) = ("special_part_versions"."agreed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "subject_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_areas_id_cycle_unique" UNIQUE("id","cycle_id"),
	CONSTRAINT "subject_areas_position" CHECK ("subject_areas"."position" >= 0)
);
--> statement-breakpoint
ALTER TABLE "agreement_archives" ADD CONSTRAINT "agreement_archives_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_archives" ADD CONSTRAINT "agreement_archives_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_general_part_moves" ADD CONSTRAINT "agreement_general_part_moves_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_general_part_moves" ADD CONSTRAINT "agreement_general_part_moves_from_version_id_document_versions_id_fk" FOREIGN KEY ("from_version_id") REFERENCES "public"."document_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_general_part_moves" ADD CONSTRAINT "agreement_general_part_moves_to_version_id_document_versions_id_fk" FOREIGN KEY ("to_version_id") REFERENCES "public"."document_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_general_part_moves" ADD CONSTRAINT "agreement_general_part_moves_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_subject_areas" ADD CONSTRAINT "agreement_subject_areas_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_subject_areas" ADD CONSTRAINT "agreement_subject_areas_subject_area_id_subject_areas_id_fk" FOREIGN KEY ("subject_area_id") REFERENCES "public"."subject_areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_subject_areas" ADD CONSTRAINT "agreement_subject_areas_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_general_part_version_id_document_versions_id_fk" FOREIGN KEY ("general_part_version_id") REFERENCES "public"."document_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_comments" ADD CONSTRAINT "contribution_comments_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_comments" ADD CONSTRAINT "contribution_comments_parent_id_contribution_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."contribution_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_comments" ADD CONSTRAINT "contribution_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_status_changes" ADD CONSTRAINT "contribution_status_changes_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_status_changes" ADD CONSTRAINT "contribution_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_owner_department_id_departments_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_agreement_fk" FOREIGN KEY ("agreement_id","cycle_id") REFERENCES "public"."agreements"("id","cycle_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_subject_area_fk" FOREIGN KEY ("subject_area_id","cycle_id") REFERENCES "public"."subject_areas"("id","cycle_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_sections" ADD CONSTRAINT "special_part_sections_version_id_special_part_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."special_part_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_versions" ADD CONSTRAINT "special_part_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_versions" ADD CONSTRAINT "special_part_versions_based_on_version_id_special_part_versions_id_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."special_part_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_versions" ADD CONSTRAINT "special_part_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_versions" ADD CONSTRAINT "special_part_versions_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_versions" ADD CONSTRAINT "special_part_versions_agreed_by_users_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_areas" ADD CONSTRAINT "subject_areas_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_archives_cycle" ON "agreement_archives" USING btree ("cycle_id","requested_at");--> statement-breakpoint
CREATE INDEX "agreement_general_part_moves_agreement" ON "agreement_general_part_moves" USING btree ("agreement_id","moved_at");--> statement-breakpoint
CREATE INDEX "agreement_subject_areas_subject_area" ON "agreement_subject_areas" USING btree ("subject_area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_cycle_region_unique" ON "agreements" USING btree ("cycle_id","region_id");--> statement-breakpoint
CREATE INDEX "agreements_region" ON "agreements" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "contribution_comments_contribution" ON "contribution_comments" USING btree ("contribution_id","created_at");--> statement-breakpoint
CREATE INDEX "contribution_status_changes_contribution" ON "contribution_status_changes" USING btree ("contribution_id","changed_at");--> statement-breakpoint
CREATE INDEX "contributions_agreement" ON "contributions" USING btree ("agreement_id","subject_area_id","position");--> statement-breakpoint
CREATE INDEX "contributions_matrix" ON "contributions" USING btree ("cycle_id","owner_department_id","agreement_id","status","subject_area_id");--> statement-breakpoint
CREATE INDEX "contributions_subject_area" ON "contributions" USING btree ("subject_area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "special_part_sections_key_unique" ON "special_part_sections" USING btree ("version_id","key");--> statement-breakpoint
CREATE INDEX "special_part_sections_order" ON "special_part_sections" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "special_part_versions_number_unique" ON "special_part_versions" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "special_part_versions_one_draft" ON "special_part_versions" USING btree ("agreement_id") WHERE "special_part_versions"."state" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "special_part_versions_one_agreed" ON "special_part_versions" USING btree ("agreement_id") WHERE "special_part_versions"."state" = 'agreed';--> statement-breakpoint
CREATE UNIQUE INDEX "subject_areas_name_unique" ON "subject_areas" USING btree ("cycle_id",lower("name"));--> statement-breakpoint
CREATE INDEX "subject_areas_order" ON "subject_areas" USING btree ("cycle_id","position");