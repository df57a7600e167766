import type { Delimiter } from '@/lib/csv/fields';
import { cdnowPreset } from './cdnow';
import { genericPreset } from './generic';
import { onlineRetailPreset } from './online-retail';
import { shopifyPreset } from './shopify';
import { stripePreset } from './stripe';
import type { Preset } from './types';
import { woocommercePreset } from './woocommerce';

// Most specific first: each signature needs columns the later ones do not, and generic takes the rest.
const PRESETS: readonly Preset[] = [cdnowPreset, shopifyPreset, stripePreset, woocommercePreset, onlineRetailPreset, genericPreset];

/** The preset whose export this is, from the first row's column names (and the delimiter, for CDNOW). */
export function detectPreset(firstRow: string[], delimiter: Delimiter): Preset {
  const header = firstRow.map((name) => name.replace(/^\uFEFF/, '').trim());
  return PRESETS.find((preset) => preset.matches(header, delimiter))!;
}
