import { useCallback, useEffect, useState } from "react";

/** Seconds left before an SMS code may be requested again; ticks once a second. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until <= now) return;
    const timer = window.setTimeout(() => setNow(Date.now()), 1_000);
    return () => window.clearTimeout(timer);
  }, [until, now]);

  const start = useCallback((seconds: number) => {
    const current = Date.now();
    setNow(current);
    setUntil(current + seconds * 1_000);
  }, []);

  return [Math.max(0, Math.ceil((until - now) / 1_000)), start];
}
