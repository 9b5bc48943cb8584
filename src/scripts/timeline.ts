/**
 * Enhances the server-rendered timeline. The active step is always derived from where the steps are on screen now,
 * never from a history of enter/exit events, so fast scrolls, anchor jumps and reloads mid-page land on the right
 * step. Filters live in the URL (?country=…&kind=…). Reduced motion and embeds get a plain stepper instead of
 * sticky scrolling.
 */
import { matchesTimelineFilter, parseTimelineFilter, timelineFilterToSearch, type TimelineFilter } from '../lib/timeline/model.ts';

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => String(values[key] ?? ''));
}

function enhanceTimeline(figure: HTMLElement): void {
  const steps = [...figure.querySelectorAll<HTMLLIElement>('.timeline__step')];
  const dots = [...figure.querySelectorAll<SVGCircleElement>('.timeline__dots circle')];
  const graphic = figure.querySelector<HTMLElement>('[data-timeline-graphic]');
  const count = figure.querySelector<HTMLElement>('[data-timeline-count]');
  const showing = figure.querySelector<HTMLElement>('[data-timeline-showing]');
  const empty = figure.querySelector<HTMLElement>('[data-timeline-empty]');
  const stepper = figure.querySelector<HTMLElement>('[data-timeline-stepper]');
  const position = figure.querySelector<HTMLElement>('[data-step-position]');
  const prev = figure.querySelector<HTMLButtonElement>('[data-step-prev]');
  const next = figure.querySelector<HTMLButtonElement>('[data-step-next]');
  const selects = [...figure.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  if (steps.length === 0 || !graphic) return;

  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const embeddedStepper = figure.dataset['mode'] === 'stepper';
  const known = {
    countries: [...new Set(steps.map((s) => s.dataset['iso3']!))],
    kinds: [...new Set(steps.map((s) => s.dataset['kind']!))],
  };
  let filter: TimelineFilter = parseTimelineFilter(window.location.search, known);
  let active = -1;
  const dotsByStep = new Map(dots.map((dot) => [Number(dot.dataset['step']), dot]));
  const matching = () => steps.filter((s) => matchesTimelineFilter({ iso3: s.dataset['iso3'] === 'global' ? null : s.dataset['iso3']!, kind: s.dataset['kind'] as never }, filter));

  const isStepper = () => embeddedStepper || reducedMotion.matches;

  /** Paints the chart and list for step index `index` (-1: before the first step). */
  const setActive = (index: number) => {
    if (index === active) return;
    active = index;
    figure.dataset['active'] = String(index);
    steps.forEach((step, i) => {
      step.classList.toggle('is-active', i === index);
      if (i === index) step.setAttribute('aria-current', 'step');
      else step.removeAttribute('aria-current');
    });
    for (const [step, dot] of dotsByStep) {
      dot.classList.toggle('is-future', index >= 0 && step > index);
      dot.classList.toggle('is-current', step === index);
    }
    if (count) count.textContent = index >= 0 ? (steps[index]!.dataset['count'] ?? '') : '0';
    if (isStepper()) updateStepper();
  };

  const applyFilter = () => {
    const visible = new Set(matching());
    steps.forEach((step) => {
      // In stepper mode only the active step is shown; the filter decides which steps are reachable.
      step.hidden = !visible.has(step) || (isStepper() && Number(step.dataset['step']) !== active);
    });
    for (const dot of dots) dot.classList.toggle('is-filtered-out', !visible.has(steps[Number(dot.dataset['step'])]!));
    if (empty) empty.hidden = visible.size > 0;
    if (showing) showing.textContent = fill(showing.dataset['template'] ?? '', { shown: visible.size, total: steps.length });
    for (const select of selects) select.value = filter[select.dataset['filter'] as keyof TimelineFilter] ?? '';
  };

  const updateStepper = () => {
    const visible = matching();
    const at = visible.findIndex((s) => Number(s.dataset['step']) === active);
    steps.forEach((step) => {
      step.hidden = step !== steps[active] || !visible.includes(step);
    });
    if (position) position.textContent = fill(position.dataset['template'] ?? '', { n: at + 1, total: visible.length });
    if (prev) prev.disabled = at <= 0;
    if (next) next.disabled = at < 0 || at >= visible.length - 1;
  };

  /** The scroll-mode rule: the active step is the last visible one whose top has passed the trigger line. */
  const activeFromScroll = (): number => {
    const graphicBox = graphic.getBoundingClientRect();
    const stacked = window.matchMedia('(max-width: 47.99rem)').matches;
    const trigger = stacked ? Math.max(graphicBox.bottom + 48, window.innerHeight * 0.55) : window.innerHeight * 0.5;
    let found = -1;
    for (const step of steps) {
      if (step.hidden) continue;
      if (step.getBoundingClientRect().top <= trigger) found = Number(step.dataset['step']);
      else break;
    }
    return found;
  };

  let frame = 0;
  const onScroll = () => {
    if (isStepper() || frame) return;
    frame = window.requestAnimationFrame(() => {
      frame = 0;
      setActive(activeFromScroll());
    });
  };

  const stepFromHash = (): number => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? steps.find((s) => s.id === id) : undefined;
    return target ? Number(target.dataset['step']) : -1;
  };

  const enterMode = () => {
    figure.dataset['mode'] = isStepper() ? 'stepper' : 'scroll';
    if (stepper) stepper.hidden = !isStepper();
    if (isStepper()) {
      const visible = matching();
      const fromHash = stepFromHash();
      const start = fromHash >= 0 ? fromHash : Number(visible[0]?.dataset['step'] ?? -1);
      active = -2; // force a repaint
      setActive(start);
    } else {
      active = -2;
      setActive(activeFromScroll());
    }
    applyFilter();
  };

  const go = (delta: number) => {
    const visible = matching();
    const at = visible.findIndex((s) => Number(s.dataset['step']) === active);
    const target = visible[Math.min(visible.length - 1, Math.max(0, at + delta))];
    if (!target) return;
    setActive(Number(target.dataset['step']));
    applyFilter();
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${target.id}`);
  };
  prev?.addEventListener('click', () => go(-1));
  next?.addEventListener('click', () => go(1));

  for (const select of selects) {
    select.addEventListener('change', () => {
      filter = { ...filter, [select.dataset['filter']!]: select.value || null };
      const search = timelineFilterToSearch(filter, window.location.search);
      history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
      if (isStepper()) {
        const first = matching()[0];
        active = -2;
        setActive(first ? Number(first.dataset['step']) : -1);
      }
      applyFilter();
      onScroll();
    });
  }

  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onScroll);
  window.addEventListener('hashchange', () => {
    if (isStepper()) {
      const index = stepFromHash();
      if (index >= 0) {
        setActive(index);
        applyFilter();
      }
    } else onScroll();
  });
  reducedMotion.addEventListener('change', enterMode);

  figure.querySelector<HTMLElement>('[data-timeline-controls]')?.removeAttribute('hidden');
  figure.dataset['enhanced'] = '';
  enterMode();
  // Enhancing changes the layout, so a jump the browser already made to #event-… now points elsewhere: redo it.
  const linked = stepFromHash();
  if (linked >= 0 && !isStepper()) {
    steps[linked]!.scrollIntoView({ block: 'start', behavior: 'instant' });
    setActive(activeFromScroll());
  }
  // The browser may restore the scroll position or jump to #event-… after this runs; measure again once it has.
  window.addEventListener('load', onScroll, { once: true });
}

export function enhanceTimelines(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-timeline]')) enhanceTimeline(figure);
}
