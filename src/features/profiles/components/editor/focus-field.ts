/** The candidates for an issue's field, most specific first: `a.b.0.c`, `a.b.0`, `a.b`, `a`. */
export function fieldCandidates(field: string): string[] {
  const parts = field.split('.');
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('.'));
}

function focusable(root: ParentNode, field: string): HTMLElement | null {
  const escaped = CSS.escape(field);
  return root.querySelector<HTMLElement>(
    `[name="${escaped}"]:not([type="hidden"]), [data-field="${escaped}"]`,
  );
}

/**
 * Moves focus to the input of `field` inside `root`, or to the nearest enclosing field that has
 * one; a behavior collapsed in its list is expanded first. Returns whether something got focus.
 */
export function focusField(root: HTMLElement, field: string): boolean {
  for (const candidate of fieldCandidates(field)) {
    const element = focusable(root, candidate);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
      return true;
    }
  }
  const behavior = /^behaviors\.(\d+)/.exec(field);
  const list = root.querySelector<HTMLElement>('[data-editor-section="behaviors"]');
  // The behavior items are the outermost sections of the list (an item may hold sections).
  const items = list
    ? [...list.querySelectorAll<HTMLElement>('section')].filter(
        (section) => !list.contains(section.parentElement?.closest('section') ?? null),
      )
    : [];
  const item = behavior ? items[Number(behavior[1])] : undefined;
  if (item) {
    const toggle = item.querySelector<HTMLElement>('button[aria-label^="Expand"]');
    if (toggle) {
      toggle.click();
      // The behavior's inputs render after the click; look again once they are there.
      requestAnimationFrame(() => {
        if (!focusField(item, field)) toggle.focus();
      });
      return true;
    }
    item.scrollIntoView({ block: 'center' });
    item.querySelector<HTMLElement>('button, input, textarea, [tabindex]')?.focus();
    return true;
  }
  return false;
}
