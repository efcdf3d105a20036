CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text DEFAULT 'planning' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_period" CHECK ("cycles"."period_to" > "cycles"."period_from"),
	CONSTRAINT "cycles_status" CHECK ("cycles"."status" in ('planning', 'active', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "document_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"position" integer NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "document_sections_key_format" CHECK ("document_sections"."key" ~ '^[a-z][a-z0-9-]{0,39}$'),
	CONSTRAINT "document_sections_position" CHECK ("document_sections"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"based_on_version_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_on" date,
	"approval_body" text,
	"approval_case_number" text,
	"approval_decision_text" text,
	"approval_recorded_at" timestamp with time zone,
	"approval_recorded_by" uuid,
	CONSTRAINT "document_versions_state" CHECK ("document_versions"."state" in ('draft', 'on_hearing', 'approved', 'superseded')),
	CONSTRAINT "document_versions_number" CHECK ("document_versions"."number" >= 1),
	CONSTRAINT "document_versions_approval" CHECK (("document_versions"."state" in ('approved', 'superseded')) = ("document_versions"."approved_on" is not null and "document_versions"."approval_body" is not null and "document_versions"."approval_case_number" is not null and "document_versions"."approval_decision_text" is not null and "document_versions"."approval_recorded_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "document_sections" ADD CONSTRAINT "document_sections_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_based_on_version_id_document_versions_id_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."document_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_approval_recorded_by_users_id_fk" FOREIGN KEY ("approval_recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_name_unique" ON "cycles" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "document_sections_key_unique" ON "document_sections" USING btree ("version_id","key");--> statement-breakpoint
CREATE INDEX "document_sections_order" ON "document_sections" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_number_unique" ON "document_versions" USING btree ("cycle_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_one_draft" ON "document_versions" USING btree ("cycle_id") WHERE "document_versions"."state" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_one_approved" ON "document_versions" USING btree ("cycle_id") WHERE "document_versions"."state" = 'approved';