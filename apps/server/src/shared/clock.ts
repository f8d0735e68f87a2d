/** Time as the services see it; tests replace it to step over TTLs without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const isoAfter = (from: Date, ms: number): string => new Date(from.getTime() + ms).toISOString();
