CREATE TABLE "agreement_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"template_item_id" uuid,
	"name" text NOT NULL,
	"stage" text NOT NULL,
	"evidence" text,
	"optional" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"planned_date" date,
	"actual_date" date,
	"state" text DEFAULT 'not_started' NOT NULL,
	"note" text,
	"done_reason" text,
	"done_by" uuid,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_milestones_name" CHECK (length(trim("agreement_milestones"."name")) > 0),
	CONSTRAINT "agreement_milestones_stage" CHECK ("agreement_milestones"."stage" in ('county_internal', 'region_internal', 'joint')),
	CONSTRAINT "agreement_milestones_evidence" CHECK ("agreement_milestones"."evidence" is null or "agreement_milestones"."evidence" in ('kickoff_held', 'department_proposals', 'summary_held', 'wanted_subject_areas', 'region_commitments', 'collaboration_held', 'bilateral_held', 'final_held', 'special_part_agreed')),
	CONSTRAINT "agreement_milestones_state" CHECK ("agreement_milestones"."state" in ('not_started', 'in_progress', 'done', 'not_applicable')),
	CONSTRAINT "agreement_milestones_done_reason" CHECK (("agreement_milestones"."state" = 'done') = ("agreement_milestones"."done_reason" is not null and length(trim("agreement_milestones"."done_reason")) > 0)),
	CONSTRAINT "agreement_milestones_position" CHECK ("agreement_milestones"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "milestone_template_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"name" text NOT NULL,
	"stage" text NOT NULL,
	"evidence" text,
	"optional" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_template_items_name" CHECK (length(trim("milestone_template_items"."name")) > 0),
	CONSTRAINT "milestone_template_items_stage" CHECK ("milestone_template_items"."stage" in ('county_internal', 'region_internal', 'joint')),
	CONSTRAINT "milestone_template_items_evidence" CHECK ("milestone_template_items"."evidence" is null or "milestone_template_items"."evidence" in ('kickoff_held', 'department_proposals', 'summary_held', 'wanted_subject_areas', 'region_commitments', 'collaboration_held', 'bilateral_held', 'final_held', 'special_part_agreed')),
	CONSTRAINT "milestone_template_items_position" CHECK ("milestone_template_items"."position" >= 0)
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "region_ready" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "region_ready_note" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "region_ready_marked_by" uuid;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "region_ready_marked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_milestones" ADD CONSTRAINT "agreement_milestones_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_milestones" ADD CONSTRAINT "agreement_milestones_template_item_id_milestone_template_items_id_fk" FOREIGN KEY ("template_item_id") REFERENCES "public"."milestone_template_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_milestones" ADD CONSTRAINT "agreement_milestones_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_template_items" ADD CONSTRAINT "milestone_template_items_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_milestones_template_item_unique" ON "agreement_milestones" USING btree ("agreement_id","template_item_id");--> statement-breakpoint
CREATE INDEX "agreement_milestones_order" ON "agreement_milestones" USING btree ("agreement_id","position");--> statement-breakpoint
CREATE INDEX "agreement_milestones_template_item" ON "agreement_milestones" USING btree ("template_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_template_items_name_unique" ON "milestone_template_items" USING btree ("cycle_id",lower("name"));--> statement-breakpoint
CREATE INDEX "milestone_template_items_order" ON "milestone_template_items" USING btree ("cycle_id","position");--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_region_ready_marked_by_users_id_fk" FOREIGN KEY ("region_ready_marked_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- The cycles and agreements made before milestones existed get the default template (default-milestone-template.ts as it was then), and each agreement its cycle's milestones, not started.
INSERT INTO "milestone_template_items" ("cycle_id", "name", "stage", "evidence", "optional", "position")
SELECT "cycles"."id", d."name", d."stage", d."evidence", d."optional", d."position"
FROM "cycles" CROSS JOIN (VALUES
	('Oppstartsmøte med alle rådsområdene', 'county_internal', 'kickoff_held', false, 0),
	('Rådsområdenes forslag til regionen', 'county_internal', 'department_proposals', false, 1),
	('Oppsummeringsmøte i fylkeskommunen', 'county_internal', 'summary_held', false, 2),
	('Regionens ønskede fagområder', 'region_internal', 'wanted_subject_areas', false, 3),
	('Regionens egne forpliktelser', 'region_internal', 'region_commitments', true, 4),
	('Første samhandlingsmøte med regionrådet', 'joint', 'collaboration_held', false, 5),
	('Bilaterale møter med rådsområdene', 'joint', 'bilateral_held', false, 6),
	('Fellesmøte om det som legges frem til politisk behandling', 'joint', 'final_held', false, 7),
	('Spesiell del avtalt', 'joint', 'special_part_agreed', false, 8)
) AS d("name", "stage", "evidence", "optional", "position");--> statement-breakpoint
INSERT INTO "agreement_milestones" ("agreement_id", "template_item_id", "name", "stage", "evidence", "optional", "position")
SELECT "agreements"."id", t."id", t."name", t."stage", t."evidence", t."optional", t."position"
FROM "agreements" JOIN "milestone_template_items" t ON t."cycle_id" = "agreements"."cycle_id";
