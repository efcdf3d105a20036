CREATE TABLE "body_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"date" date NOT NULL,
	"documents_due" date,
	"place" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "body_meetings_deadline" CHECK ("body_meetings"."documents_due" is null or "body_meetings"."documents_due" <= "body_meetings"."date")
);
--> statement-breakpoint
CREATE TABLE "political_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"region_id" uuid,
	"municipality_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "political_bodies_kind" CHECK ("political_bodies"."kind" in ('executive_board', 'county_council', 'regional_council', 'municipal_council')),
	CONSTRAINT "political_bodies_owner" CHECK (("political_bodies"."kind" = 'regional_council') = ("political_bodies"."region_id" is not null) and ("political_bodies"."kind" = 'municipal_council') = ("political_bodies"."municipality_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "case_agreements" (
	"case_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	CONSTRAINT "case_agreements_case_id_agreement_id_pk" PRIMARY KEY("case_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "case_decision_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"from_template" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_decision_points_text" CHECK (length(trim("case_decision_points"."text")) > 0)
);
--> statement-breakpoint
CREATE TABLE "case_treatments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"body_id" uuid NOT NULL,
	"role" text NOT NULL,
	"body_meeting_id" uuid,
	"case_year" integer,
	"case_number" integer,
	"outcome" text,
	"decision_text" text,
	"changed_text" text,
	"decided_on" date,
	"unanimous" boolean,
	"votes_for" integer,
	"votes_against" integer,
	"votes_blank" integer,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_treatments_role" CHECK ("case_treatments"."role" in ('recommend', 'decide', 'information')),
	CONSTRAINT "case_treatments_number_pair" CHECK (("case_treatments"."case_year" is null) = ("case_treatments"."case_number" is null)),
	CONSTRAINT "case_treatments_outcome" CHECK ("case_treatments"."outcome" is null or "case_treatments"."outcome" in ('adopted', 'adopted_with_changes', 'rejected', 'postponed', 'information')),
	CONSTRAINT "case_treatments_votes" CHECK (coalesce("case_treatments"."votes_for", 0) >= 0 and coalesce("case_treatments"."votes_against", 0) >= 0 and coalesce("case_treatments"."votes_blank", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "political_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"archive_year" integer,
	"archive_sequence" integer,
	"background" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"alternatives" jsonb NOT NULL,
	"assessment" jsonb NOT NULL,
	"consequences" jsonb NOT NULL,
	"authority" text DEFAULT '' NOT NULL,
	"signer_name" text,
	"signer_title" text,
	"signed_on" date,
	"template_filled" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_case_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "political_cases_archive_pair" CHECK (("political_cases"."archive_year" is null) = ("political_cases"."archive_sequence" is null)),
	CONSTRAINT "political_cases_title" CHECK (length(trim("political_cases"."title")) > 0)
);
--> statement-breakpoint
ALTER TABLE "body_meetings" ADD CONSTRAINT "body_meetings_body_id_political_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."political_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "political_bodies" ADD CONSTRAINT "political_bodies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "political_bodies" ADD CONSTRAINT "political_bodies_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_agreements" ADD CONSTRAINT "case_agreements_case_id_political_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."political_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_agreements" ADD CONSTRAINT "case_agreements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decision_points" ADD CONSTRAINT "case_decision_points_case_id_political_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."political_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_treatments" ADD CONSTRAINT "case_treatments_case_id_political_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."political_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_treatments" ADD CONSTRAINT "case_treatments_body_id_political_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."political_bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_treatments" ADD CONSTRAINT "case_treatments_body_meeting_id_body_meetings_id_fk" FOREIGN KEY ("body_meeting_id") REFERENCES "public"."body_meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_treatments" ADD CONSTRAINT "case_treatments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "political_cases" ADD CONSTRAINT "political_cases_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "political_cases" ADD CONSTRAINT "political_cases_source_case_id_political_cases_id_fk" FOREIGN KEY ("source_case_id") REFERENCES "public"."political_cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "political_cases" ADD CONSTRAINT "political_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "body_meetings_date_unique" ON "body_meetings" USING btree ("body_id","date");--> statement-breakpoint
CREATE INDEX "body_meetings_date" ON "body_meetings" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "political_bodies_county_unique" ON "political_bodies" USING btree ("kind") WHERE "political_bodies"."kind" in ('executive_board', 'county_council');--> statement-breakpoint
CREATE UNIQUE INDEX "political_bodies_region_unique" ON "political_bodies" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "political_bodies_municipality_unique" ON "political_bodies" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "case_agreements_agreement" ON "case_agreements" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "case_decision_points_order" ON "case_decision_points" USING btree ("case_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "case_treatments_number_unique" ON "case_treatments" USING btree ("body_id","case_year","case_number") WHERE "case_treatments"."case_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_treatments_body_unique" ON "case_treatments" USING btree ("case_id","body_id");--> statement-breakpoint
CREATE INDEX "case_treatments_body" ON "case_treatments" USING btree ("body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "political_cases_archive_unique" ON "political_cases" USING btree ("archive_year","archive_sequence") WHERE "political_cases"."archive_year" is not null;--> statement-breakpoint
CREATE INDEX "political_cases_cycle" ON "political_cases" USING btree ("cycle_id");