/**
 * Runs `show` once the click that is under way (if any) has landed. A field validates when it loses focus,
 * and a click on a button is what usually takes the focus away: if the field's message appeared at once,
 * it would push the button down between the press and the release, and the click would be lost («Legg til
 * indikator» moved away under the pointer). Waiting for the click rather than showing messages only after
 * a first submit keeps the early warning for people who move on with Tab, which clicks nothing.
 *
 * A press starts the wait; it ends just after the click it becomes (a timer, so the click's own handler
 * runs first), or, when the press becomes no click (a scroll on a phone, a release elsewhere), soon after
 * the release. On a touch screen the field loses focus only after the finger is lifted, just before the
 * click, so the wait also covers the moment between release and click.
 */
let pressed = false;
let waiting: (() => void)[] = [];
let settle: ReturnType<typeof setTimeout> | undefined;

const flush = () => {
  clearTimeout(settle);
  pressed = false;
  const shows = waiting;
  waiting = [];
  for (const s of shows) s();
};

let listening = false;
function listen() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener(
    'pointerdown',
    () => {
      clearTimeout(settle);
      pressed = true;
    },
    true,
  );
  window.addEventListener(
    'pointerup',
    () => {
      clearTimeout(settle);
      settle = setTimeout(flush, 600);
    },
    true,
  );
  window.addEventListener('pointercancel', flush, true);
  window.addEventListener(
    'click',
    () => {
      clearTimeout(settle);
      settle = setTimeout(flush, 0);
    },
    true,
  );
}

export function afterClick(show: () => void): void {
  listen();
  if (pressed) waiting.push(show);
  else show();
}

/** Starts listening for presses before the first field loses focus (the first press must be seen too). */
export const listenForClicks = listen;
