import { UplinkError } from "../core/index.js";

/**
 * The estimates recognition depends on. `setupFeeLifeMonths` is the expected customer life an
 * initial set-up fee is spread over (the presentation: LTE set-up fees are deferred and recognised
 * over time); changing it changes every later month's revenue, so the books keep the value they
 * started with (see the monthly close).
 */
export interface RecognitionSettings {
  readonly setupFeeLifeMonths: number;
}

export const DEFAULT_RECOGNITION_SETTINGS: RecognitionSettings = { setupFeeLifeMonths: 24 };

export function checkRecognitionSettings(settings: RecognitionSettings): RecognitionSettings {
  const life = settings.setupFeeLifeMonths;
  if (!Number.isInteger(life) || life < 1 || life > 240) {
    throw new UplinkError(
      "INVALID_INPUT",
      `The expected customer life for set-up fees is a whole number of months from 1 to 240, not ${life}.`,
    );
  }
  return settings;
}
