import { fireEvent, waitFor } from '@testing-library/react';

/**
 * Types into a Taro Input or Textarea. Their real <input>/<textarea> is drawn by a web component a
 * moment after React mounts it, so this waits for it; `selector` names the element inside `root`.
 */
export async function typeInto(root: ParentNode, selector: string, value: string): Promise<void> {
  const field = await waitFor(() => {
    const found = root.querySelector(selector);
    if (!found) throw new Error(`nothing matches ${selector}`);
    return found;
  });
  fireEvent.input(field, { target: { value } });
}

/** Chooses a value in a Taro Picker: `value` is the index (selector mode) or the text (date, time). */
export function pick(picker: Element, value: number | string): void {
  fireEvent(picker, new CustomEvent('change', { detail: { value } }));
}

/** The text of the red message under the field labelled `label` (the label starts with it), or null. */
export function errorUnder(root: ParentNode, label: string): string | null {
  const field = Array.from(root.querySelectorAll('.field')).find((f) => f.querySelector('.field__label')?.textContent?.startsWith(label));
  return field?.querySelector('.form-error')?.textContent ?? null;
}
