CREATE TABLE "special_part_answer_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "special_part_answer_comments_text" CHECK (length("special_part_answer_comments"."text") > 0)
);
--> statement-breakpoint
CREATE TABLE "special_part_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "special_part_answers_id_version_unique" UNIQUE("id","version_id"),
	CONSTRAINT "special_part_answers_verdict" CHECK ("special_part_answers"."verdict" in ('agrees', 'comments'))
);
--> statement-breakpoint
ALTER TABLE "special_part_answer_comments" ADD CONSTRAINT "special_part_answer_comments_answer_fk" FOREIGN KEY ("answer_id","version_id") REFERENCES "public"."special_part_answers"("id","version_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_answer_comments" ADD CONSTRAINT "special_part_answer_comments_section_fk" FOREIGN KEY ("version_id","section_key") REFERENCES "public"."special_part_sections"("version_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_answers" ADD CONSTRAINT "special_part_answers_version_id_special_part_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."special_part_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_answers" ADD CONSTRAINT "special_part_answers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_part_answers" ADD CONSTRAINT "special_part_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "special_part_answer_comments_one_per_section" ON "special_part_answer_comments" USING btree ("answer_id","section_key");--> statement-breakpoint
CREATE INDEX "special_part_answer_comments_section" ON "special_part_answer_comments" USING btree ("version_id","section_key");--> statement-breakpoint
CREATE UNIQUE INDEX "special_part_answers_one_per_region" ON "special_part_answers" USING btree ("version_id","region_id");