ALTER TABLE "imports" ADD COLUMN "rates" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "currency_totals" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "original_amount_minor" bigint GENERATED ALWAYS AS (amount_minor) STORED NOT NULL;