CREATE TABLE "reporting_round_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reporting_round_cases" ADD CONSTRAINT "reporting_round_cases_case_id_political_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."political_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_round_cases" ADD CONSTRAINT "reporting_round_cases_round_id_reporting_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reporting_rounds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reporting_round_cases_round" ON "reporting_round_cases" USING btree ("round_id");