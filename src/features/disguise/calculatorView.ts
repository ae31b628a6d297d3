// The calculator on screen: plain DOM, no framework, so the disguise loads small and fast (DESIGN §6,
// at most 20 KB of JS gzip). It knows nothing of vaults: it reports `=` and notes to its owner, and
// any other key, which is how an unlock attempt in progress is abandoned.
//
// The display is deliberately not a live region: a screen reader must not speak a PIN as it is typed.
//
// Words come from i18next, which is loaded just after the calculator first paints (it is most of the
// weight of the first load): until `relabel` is called the keys show only their symbols.

import { type CalcKey, type CalcState, displayText, initialState, keyFromKeyboard, press } from './calculator/engine';
import { SECRET_INPUT_ATTRIBUTES } from '../../shared/ui/secretInput';
import { createLongPress } from './longPress';

export interface CalculatorEvents {
  /** `=` was pressed; `before` is the state it was pressed on. */
  onEquals(before: CalcState): void;
  /** Any other key: whatever was started by `=` should be abandoned. */
  onOtherKey(): void;
  /** The note field was submitted. */
  onNote(text: string): void;
}

export type Translate = (key: string) => string;

export interface CalculatorView {
  reset(): void;
  relabel(translate: Translate): void;
  show(): void;
  hide(): void;
}

const LAYOUT: readonly CalcKey[] = ['AC', '⌫', '%', '÷', '7', '8', '9', '×', '4', '5', '6', '−', '1', '2', '3', '+', '±', '0', '.', '='];

const LABEL_KEYS = {
  AC: 'keys.clear',
  '⌫': 'keys.backspace',
  '%': 'keys.percent',
  '÷': 'keys.divide',
  '×': 'keys.multiply',
  '−': 'keys.minus',
  '+': 'keys.plus',
  '±': 'keys.sign',
  '.': 'keys.decimal',
  '=': 'keys.equals',
} as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) el.setAttribute(name, value);
  if (text !== undefined) el.textContent = text;
  return el;
}


export function mountCalculator(root: HTMLElement, events: CalculatorEvents): CalculatorView {
  let state = initialState();
  let t: Translate | null = null;

  const heading = element('h1', { class: 'vh', id: 'c-title' });
  const display = element('div', { class: 'c-display', 'aria-live': 'off', 'aria-atomic': 'true' }, '0');
  const keypad = element('div', { class: 'c-keys', role: 'group' });
  const buttons = new Map<CalcKey, HTMLButtonElement>();
  for (const key of LAYOUT) {
    const button = element('button', { type: 'button', class: /[0-9.]/.test(key) ? 'k' : key === '=' ? 'k k-eq' : /[÷×−+]/.test(key) ? 'k k-op' : 'k k-fn' }, key);
    button.dataset.k = key;
    buttons.set(key, button);
    keypad.append(button);
  }

  const noteInput = element('input', { type: 'text', id: 'c-note-input', enterkeyhint: 'done', ...SECRET_INPUT_ATTRIBUTES });
  const noteLabel = element('label', { for: 'c-note-input', id: 'c-note-label' });
  const noteDone = element('button', { type: 'button', class: 'c-note-done' });
  const noteCancel = element('button', { type: 'button', class: 'c-note-cancel' });
  const note = element('div', { class: 'c-note', role: 'dialog', 'aria-labelledby': 'c-note-label' });
  note.hidden = true;
  note.append(noteLabel, noteInput, element('div', { class: 'c-note-actions' }));
  note.lastElementChild?.append(noteCancel, noteDone);

  const shell = element('main', { class: 'c', dir: 'ltr', 'aria-labelledby': 'c-title' });
  shell.append(heading, element('div', { class: 'c-screen' }), keypad, note);
  shell.children[1]?.append(display);
  root.replaceChildren(shell);

  function render(): void {
    const shown = displayText(state);
    const text = shown.kind === 'error' ? (t?.(`calculator:errors.${shown.code}`) ?? '') : shown.text;
    display.textContent = text;
    display.dataset.size = text.length > 14 ? 's' : text.length > 9 ? 'm' : 'l';
  }

  function relabel(translate: Translate): void {
    t = translate;
    heading.textContent = t('calculator:title');
    document.title = t('calculator:title');
    keypad.setAttribute('aria-label', t('calculator:keypad'));
    display.setAttribute('aria-label', t('calculator:display'));
    for (const [key, labelKey] of Object.entries(LABEL_KEYS)) buttons.get(key as CalcKey)?.setAttribute('aria-label', t(`calculator:${labelKey}`));
    noteLabel.textContent = t('calculator:note.label');
    noteDone.textContent = t('calculator:note.done');
    noteCancel.textContent = t('calculator:note.cancel');
    render();
  }

  function apply(key: CalcKey): void {
    const before = state;
    state = press(state, key);
    render();
    if (key === '=') events.onEquals(before);
    else events.onOtherKey();
  }

  function openNote(): void {
    events.onOtherKey();
    note.hidden = false;
    noteInput.value = '';
    noteInput.focus();
  }

  function closeNote(submit: boolean): void {
    const text = noteInput.value;
    noteInput.value = '';
    note.hidden = true;
    buttons.get('=')?.focus();
    if (submit && text.trim() !== '') events.onNote(text);
  }

  // `=` held down (pointer) opens the note field instead of pressing `=`.
  const equals = buttons.get('=') as HTMLButtonElement;
  const pointerHold = createLongPress(openNote);
  let suppressClick = false;
  equals.addEventListener('pointerdown', () => pointerHold.start());
  equals.addEventListener('pointerup', () => (suppressClick = !pointerHold.end()));
  equals.addEventListener('pointerleave', () => pointerHold.cancel());
  equals.addEventListener('pointercancel', () => pointerHold.cancel());
  equals.addEventListener('contextmenu', (event) => event.preventDefault());

  keypad.addEventListener('click', (event) => {
    const key = (event.target as HTMLElement).closest('button')?.dataset.k as CalcKey | undefined;
    if (!key) return;
    if (key === '=' && suppressClick) {
      suppressClick = false;
      return;
    }
    apply(key);
  });

  // Enter held down (keyboard) does the same. Enter on a focused key other than `=` activates that
  // key, as any button does, so keyboard users can still move around the keypad.
  const enterHold = createLongPress(openNote);
  window.addEventListener('keydown', (event) => {
    if (shell.hidden || event.target === noteInput || event.ctrlKey || event.metaKey || event.altKey) return;
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.k;
    if (event.key === 'Enter' && focusedKey && focusedKey !== '=') return;
    if (event.key === ' ' && focusedKey) return;
    const key = keyFromKeyboard(event.key);
    if (!key) return;
    event.preventDefault();
    if (key === '=' && event.key === 'Enter') {
      if (!event.repeat) enterHold.start();
      return;
    }
    if (!event.repeat || key !== '=') apply(key);
  });
  window.addEventListener('keyup', (event) => {
    if (event.key === 'Enter' && !shell.hidden && event.target !== noteInput && enterHold.end()) {
      const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.k;
      if (!focusedKey || focusedKey === '=') apply('=');
    }
  });

  noteInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      closeNote(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeNote(false);
    }
  });
  noteDone.addEventListener('click', () => closeNote(true));
  noteCancel.addEventListener('click', () => closeNote(false));

  render();

  return {
    reset() {
      state = initialState();
      noteInput.value = '';
      note.hidden = true;
      enterHold.cancel();
      pointerHold.cancel();
      render();
    },
    relabel,
    show() {
      shell.hidden = false;
    },
    hide() {
      shell.hidden = true;
    },
  };
}
