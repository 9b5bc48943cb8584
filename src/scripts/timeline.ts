/**
 * Moves the timeline chart to the step being read. Each step carries its chart state, worked out at build time
 * (TimelineStep.astro): data-last, data-on, data-hl, data-ev, data-x; an embed's event cards (Timeline.astro) leave out
 * data-last (each draws up to itself) and give data-on only where it changes. The active step is always derived from where
 * the steps are on screen now, never from a history of enter/exit events, so fast scrolls, anchor jumps and reloads
 * mid-page land on the right step. With reduced motion (and in embeds) the steps become a stepper with Previous and
 * Next; steps not shown stay findable (hidden="until-found"). Before printing, the chart goes back to the whole story.
 */

const list = (text = '') => text.split(' ');

function enhanceTimeline(figure: HTMLElement): void {
  const steps = [...figure.querySelectorAll<HTMLLIElement>('.timeline__step')];
  const graphic = figure.querySelector<HTMLElement>('[data-timeline-graphic]')!;
  const marks = [...figure.querySelectorAll<SVGElement>('[data-i]')];
  const cells = [...figure.querySelectorAll<SVGGElement>('g[data-c]')];
  const cursor = figure.querySelector('.timeline__cursor')!;
  const count = figure.querySelector('[data-timeline-count]')!;
  const stepper = figure.querySelector<HTMLElement>('[data-timeline-stepper]')!;
  const position = stepper.querySelector<HTMLElement>('p')!;
  const [prev, next] = stepper.querySelectorAll('button');
  const embedded = figure.dataset['mode'] === 'stepper';
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const stepperMode = () => embedded || reducedMotion.matches;
  const staticOff = cells.map((cell) => cell.classList.contains('off'));
  const staticCount = count.textContent;
  let active = -1;

  /** Paints the chart for step `index`, or the whole story (the static state) for -1. */
  const paint = (index: number) => {
    const step = steps[index]?.dataset;
    // A step without data-last is an embed's event card: it draws up to itself.
    const lastOf = (i: number) => (i < 0 ? -1 : +(steps[i]!.dataset['last'] ?? i));
    const last = step ? lastOf(index) : 1e9;
    const before = lastOf(index - 1);
    // An embed's cards give the list only where it changes: the nearest one at or above the current card holds.
    const on = list(steps.slice(0, index + 1).findLast((s) => s.dataset['on'] !== undefined)?.dataset['on']);
    const hl = list(step?.['hl']);
    const ev = list(step?.['ev']);
    for (const mark of marks) {
      const i = +mark.dataset['i']!;
      mark.classList.toggle('f', i > last);
      mark.classList.toggle('n', !!step && i > before && i <= last);
      mark.classList.toggle('m', ev.includes(`${i}`));
    }
    cells.forEach((cell, k) => {
      const code = cell.dataset['c']!;
      cell.classList.toggle('off', step ? !on.includes(code) : staticOff[k]!);
      cell.classList.toggle('hl', hl.includes(code));
    });
    count.textContent = step ? `${on[0] ? on.length : 0}` : staticCount;
    for (const end of ['x1', 'x2']) cursor.setAttribute(end, step?.['x'] ?? '0');
    figure.toggleAttribute('data-cursor', !!step?.['x']);
    if (step) figure.dataset['active'] = `${index}`;
    else delete figure.dataset['active'];
  };

  const setActive = (index: number) => {
    if (index === active) return;
    active = index;
    steps.forEach((step, i) => {
      step.classList.toggle('is-active', i === index);
      if (i === index) step.setAttribute('aria-current', 'step');
      else step.removeAttribute('aria-current');
      // Embeds keep every event laid out (hidden) so the frame keeps one height; the chapter's steps stay findable.
      if (!stepperMode() || i === index) step.removeAttribute('hidden');
      else step.setAttribute('hidden', embedded ? '' : 'until-found');
    });
    paint(index);
    position.textContent = position.dataset['template']!.replace('{n}', `${index + 1}`).replace('{total}', `${steps.length}`);
    prev!.disabled = index <= 0;
    next!.disabled = index >= steps.length - 1;
  };

  /**
   * Scroll mode. Side by side (wide screens), the active step is the last one whose top has passed the middle of the
   * screen. On a phone, where the chart sits above the text, it is the first step whose top is still below the chart,
   * so the text the chart illustrates is never under it.
   */
  const activeFromScroll = (): number => {
    const chartBottom = graphic.getBoundingClientRect().bottom;
    const stacked = matchMedia('(max-width: 47.99rem)').matches;
    let index = 0;
    steps.forEach((step, i) => {
      const top = step.getBoundingClientRect().top;
      if (stacked ? top < chartBottom - 2 : top <= innerHeight / 2) index = stacked ? i + 1 : i;
    });
    return Math.min(index, steps.length - 1);
  };

  let frame = 0;
  // While printing, the chart stays as the whole story even if laying out the page for paper scrolls or resizes it.
  let printing = false;
  // Nothing is measured until the story is within a screen of the viewport: loading the page costs no layout work.
  let near = false;
  const onScroll = () => {
    if (!stepperMode() && near && !frame && !printing) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        setActive(activeFromScroll());
      });
    }
  };
  new IntersectionObserver(([entry]) => {
    near = entry!.isIntersecting;
    onScroll();
  }, { rootMargin: '100% 0px' }).observe(figure);

  const enterMode = () => {
    figure.dataset['mode'] = stepperMode() ? 'stepper' : 'scroll';
    stepper.hidden = !stepperMode();
    active = -2;
    if (stepperMode()) setActive(Math.max(0, steps.findIndex((step) => step.id && `#${step.id}` === location.hash)));
    else {
      steps.forEach((step) => step.removeAttribute('hidden'));
      onScroll();
    }
  };

  const go = (delta: number) => {
    setActive(Math.min(steps.length - 1, Math.max(0, active + delta)));
    if (embedded) history.replaceState(null, '', `#${steps[active]!.id}`);
  };
  prev!.onclick = () => go(-1);
  next!.onclick = () => go(1);
  // Find-in-page reveals a hidden step: make it the current one, with its chart.
  steps.forEach((step, i) => step.addEventListener('beforematch', () => setActive(i)));

  addEventListener('scroll', onScroll, { passive: true });
  addEventListener('resize', onScroll);
  addEventListener('beforeprint', () => {
    printing = true;
    paint(-1);
  });
  addEventListener('afterprint', () => {
    printing = false;
    paint(active);
  });
  reducedMotion.onchange = enterMode;
  figure.dataset['enhanced'] = '';
  enterMode();
}

export function enhanceTimelines(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-timeline]')) enhanceTimeline(figure);
}
