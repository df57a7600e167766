CREATE TYPE "public"."churn_model" AS ENUM('bgnbd', 'mbgnbd', 'pnbd');--> statement-breakpoint
CREATE TYPE "public"."model_run_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."time_unit" AS ENUM('days', 'weeks');--> statement-breakpoint
CREATE TABLE "customer_predictions" (
	"workspace_id" uuid NOT NULL,
	"customer_id" bigint NOT NULL,
	"model_run_id" uuid NOT NULL,
	"expected_purchases_12m" double precision NOT NULL,
	"probability_alive" double precision NOT NULL,
	"expected_spend_minor" bigint,
	"predicted_clv_12m_minor" bigint,
	"overdue" boolean NOT NULL,
	CONSTRAINT "customer_predictions_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id"),
	CONSTRAINT "customer_predictions_range_check" CHECK ("customer_predictions"."probability_alive" BETWEEN 0 AND 1
      AND "customer_predictions"."expected_purchases_12m" >= 0 AND ("customer_predictions"."expected_purchases_12m" IS NULL OR "customer_predictions"."expected_purchases_12m" NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)))
);
--> statement-breakpoint
CREATE TABLE "model_runs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" "model_run_status" DEFAULT 'queued' NOT NULL,
	"model" "churn_model" NOT NULL,
	"unit" time_unit NOT NULL,
	"calibration_end" date,
	"params" jsonb,
	"spend_params" jsonb,
	"log_likelihood" double precision,
	"converged" boolean,
	"fit_seconds" double precision,
	"customers_fitted" integer,
	"backtest" jsonb,
	"message" text,
	"gross_margin" double precision,
	"monthly_discount_rate" double precision,
	"triggered_by_import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "model_runs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "model_runs_finite_check" CHECK (("model_runs"."log_likelihood" IS NULL OR "model_runs"."log_likelihood" NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)) AND ("model_runs"."fit_seconds" IS NULL OR "model_runs"."fit_seconds" NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)))
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "gross_margin" numeric(5, 4) DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "monthly_discount_rate" numeric(5, 4) DEFAULT 0.01 NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_predictions" ADD CONSTRAINT "customer_predictions_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_predictions" ADD CONSTRAINT "customer_predictions_model_run_fk" FOREIGN KEY ("workspace_id","model_run_id") REFERENCES "public"."model_runs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_runs" ADD CONSTRAINT "model_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_predictions_workspace_clv_idx" ON "customer_predictions" USING btree ("workspace_id","predicted_clv_12m_minor");--> statement-breakpoint
CREATE INDEX "model_runs_workspace_created_idx" ON "model_runs" USING btree ("workspace_id","created_at");--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_gross_margin_check" CHECK ("workspaces"."gross_margin" > 0 AND "workspaces"."gross_margin" <= 1);--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_monthly_discount_rate_check" CHECK ("workspaces"."monthly_discount_rate" >= 0 AND "workspaces"."monthly_discount_rate" < 1);