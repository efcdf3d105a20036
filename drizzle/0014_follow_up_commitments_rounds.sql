CREATE TABLE "commitment_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"decision_reference" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_changes_reason" CHECK (length(trim("commitment_changes"."reason")) > 0),
	CONSTRAINT "commitment_changes_decision" CHECK (length(trim("commitment_changes"."decision_reference")) > 0)
);
--> statement-breakpoint
CREATE TABLE "commitment_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"baseline_value" double precision NOT NULL,
	"baseline_on" date NOT NULL,
	"target_value" double precision NOT NULL,
	"target_on" date NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_indicators_id_unit_unique" UNIQUE("id","unit"),
	CONSTRAINT "commitment_indicators_name" CHECK (length(trim("commitment_indicators"."name")) > 0),
	CONSTRAINT "commitment_indicators_unit" CHECK (length(trim("commitment_indicators"."unit")) > 0),
	CONSTRAINT "commitment_indicators_direction" CHECK ("commitment_indicators"."direction" in ('higher', 'lower')),
	CONSTRAINT "commitment_indicators_dates" CHECK ("commitment_indicators"."target_on" >= "commitment_indicators"."baseline_on")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"subject_area_id" uuid NOT NULL,
	"owner_department_id" uuid,
	"source_contribution_id" uuid,
	"agreed_elsewhere" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"responsible_user_id" uuid,
	"responsible_name" text,
	"starts_on" date,
	"ends_on" date,
	"budget_nok" bigint,
	"needs_separate_decision" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_origin" CHECK (("commitments"."source_contribution_id" is null) <> ("commitments"."agreed_elsewhere" is null) and ("commitments"."agreed_elsewhere" is null or length(trim("commitments"."agreed_elsewhere")) > 0)),
	CONSTRAINT "commitments_title" CHECK (length(trim("commitments"."title")) > 0),
	CONSTRAINT "commitments_budget" CHECK ("commitments"."budget_nok" is null or "commitments"."budget_nok" >= 0),
	CONSTRAINT "commitments_period" CHECK ("commitments"."ends_on" is null or "commitments"."starts_on" is null or "commitments"."ends_on" >= "commitments"."starts_on"),
	CONSTRAINT "commitments_state" CHECK ("commitments"."state" in ('active', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "indicator_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"due_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"status" text,
	"progress" integer,
	"done" jsonb,
	"next" jsonb,
	"spent_nok" bigint,
	"state" text DEFAULT 'draft' NOT NULL,
	"saved_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reopened_reason" text,
	"reopened_by" uuid,
	"reopened_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_reports_status" CHECK ("commitment_reports"."status" is null or "commitment_reports"."status" in ('on_track', 'at_risk', 'delayed', 'done', 'dropped')),
	CONSTRAINT "commitment_reports_progress" CHECK ("commitment_reports"."progress" is null or "commitment_reports"."progress" between 0 and 100),
	CONSTRAINT "commitment_reports_spent" CHECK ("commitment_reports"."spent_nok" is null or "commitment_reports"."spent_nok" >= 0),
	CONSTRAINT "commitment_reports_state" CHECK ("commitment_reports"."state" in ('draft', 'submitted')),
	CONSTRAINT "commitment_reports_submitted" CHECK (("commitment_reports"."state" = 'submitted') = ("commitment_reports"."submitted_at" is not null) and ("commitment_reports"."state" = 'draft' or ("commitment_reports"."status" is not null and "commitment_reports"."progress" is not null))),
	CONSTRAINT "commitment_reports_reopened" CHECK (("commitment_reports"."reopened_at" is null) = ("commitment_reports"."reopened_reason" is null) and ("commitment_reports"."reopened_reason" is null or length(trim("commitment_reports"."reopened_reason")) > 0))
);
--> statement-breakpoint
CREATE TABLE "report_indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"value" double precision NOT NULL,
	"measured_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_round_commitments" (
	"round_id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	CONSTRAINT "reporting_round_commitments_round_id_commitment_id_pk" PRIMARY KEY("round_id","commitment_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"name" text NOT NULL,
	"deadline" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_rounds_name" CHECK (length(trim("reporting_rounds"."name")) > 0),
	CONSTRAINT "reporting_rounds_state" CHECK ("reporting_rounds"."state" in ('open', 'closed')),
	CONSTRAINT "reporting_rounds_closed" CHECK (("reporting_rounds"."state" = 'closed') = ("reporting_rounds"."closed_at" is not null)),
	CONSTRAINT "reporting_rounds_published" CHECK ("reporting_rounds"."published_at" is null or "reporting_rounds"."state" = 'closed')
);
--> statement-breakpoint
ALTER TABLE "commitment_changes" ADD CONSTRAINT "commitment_changes_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_changes" ADD CONSTRAINT "commitment_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_indicators" ADD CONSTRAINT "commitment_indicators_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_department_id_departments_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_source_contribution_id_contributions_id_fk" FOREIGN KEY ("source_contribution_id") REFERENCES "public"."contributions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agreement_fk" FOREIGN KEY ("agreement_id","cycle_id") REFERENCES "public"."agreements"("id","cycle_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_subject_area_fk" FOREIGN KEY ("subject_area_id","cycle_id") REFERENCES "public"."subject_areas"("id","cycle_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_goals" ADD CONSTRAINT "indicator_goals_indicator_id_commitment_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."commitment_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_reports" ADD CONSTRAINT "commitment_reports_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_reports" ADD CONSTRAINT "commitment_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_reports" ADD CONSTRAINT "commitment_reports_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_reports" ADD CONSTRAINT "commitment_reports_round_commitment_fk" FOREIGN KEY ("round_id","commitment_id") REFERENCES "public"."reporting_round_commitments"("round_id","commitment_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicator_values" ADD CONSTRAINT "report_indicator_values_report_id_commitment_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."commitment_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicator_values" ADD CONSTRAINT "report_indicator_values_indicator_fk" FOREIGN KEY ("indicator_id","unit") REFERENCES "public"."commitment_indicators"("id","unit") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_round_commitments" ADD CONSTRAINT "reporting_round_commitments_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_round_commitments" ADD CONSTRAINT "reporting_round_commitments_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rounds" ADD CONSTRAINT "reporting_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_changes_commitment" ON "commitment_changes" USING btree ("commitment_id","changed_at");--> statement-breakpoint
CREATE INDEX "commitment_indicators_commitment" ON "commitment_indicators" USING btree ("commitment_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_source_unique" ON "commitments" USING btree ("source_contribution_id");--> statement-breakpoint
CREATE INDEX "commitments_agreement" ON "commitments" USING btree ("agreement_id","subject_area_id");--> statement-breakpoint
CREATE INDEX "commitments_cycle_owner" ON "commitments" USING btree ("cycle_id","owner_department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_goals_unique" ON "indicator_goals" USING btree ("indicator_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_reports_unique" ON "commitment_reports" USING btree ("round_id","commitment_id");--> statement-breakpoint
CREATE INDEX "commitment_reports_commitment" ON "commitment_reports" USING btree ("commitment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_indicator_values_unique" ON "report_indicator_values" USING btree ("report_id","indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "report_indicator_values_indicator" ON "report_indicator_values" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "reporting_round_commitments_commitment" ON "reporting_round_commitments" USING btree ("commitment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_rounds_name_unique" ON "reporting_rounds" USING btree ("cycle_id",lower("name"));