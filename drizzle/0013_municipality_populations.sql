CREATE TABLE "municipality_populations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"count" integer NOT NULL,
	"counted_on" date NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipality_populations_count" CHECK ("municipality_populations"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "municipality_populations" ADD CONSTRAINT "municipality_populations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "municipality_populations_date_unique" ON "municipality_populations" USING btree ("municipality_id","counted_on");--> statement-breakpoint
CREATE INDEX "municipality_populations_date" ON "municipality_populations" USING btree ("counted_on");