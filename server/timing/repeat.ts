// Timed work that repeats (an office's day summaries and daily purge, the server's check for its daily
// backup): first after a delay, then at a fixed period. Its timers never keep a stopping process alive.
export function repeatEvery(work: () => void, firstAfterMs: number, everyMs: number): { cancel: () => void } {
  let timer = setTimeout(function again() {
    work();
    timer = setTimeout(again, everyMs);
    timer.unref();
  }, firstAfterMs);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}
