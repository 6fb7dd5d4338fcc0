/**
 * What the on-screen keyboard does to a text field: which fields it serves,
 * which layout they want, and typing into them as a person would (at the
 * caret, within maxlength, with the input event Vue's v-model listens for).
 */

/** Input types that take free typing (others are buttons, boxes, dates, files…). */
const TYPED = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number'])

export type TypingField = HTMLInputElement | HTMLTextAreaElement

/**
 * A field the keyboard serves: enabled, editable text. A field with keys of its
 * own (the staff PIN pad, marked data-own-keypad) is left to them.
 */
export function typingField(element: EventTarget | null): TypingField | null {
  if (element instanceof HTMLTextAreaElement) return element.readOnly || element.disabled ? null : element
  if (!(element instanceof HTMLInputElement)) return null
  if (!TYPED.has(element.type) || element.readOnly || element.disabled) return null
  if (element.closest('[data-own-keypad]')) return null
  return element
}

/** Numbers, PIN set-up codes and phone numbers get the numeric pad. */
export function wantsNumbers(field: TypingField): boolean {
  const mode = field.getAttribute('inputmode')
  return (
    mode === 'numeric' ||
    mode === 'decimal' ||
    mode === 'tel' ||
    (field instanceof HTMLInputElement && (field.type === 'tel' || field.type === 'number'))
  )
}

function selection(field: TypingField): [number, number] {
  try {
    const start = field.selectionStart
    const end = field.selectionEnd
    if (start !== null && end !== null) return [start, end]
  } catch {
    // a type without a caret (number): type at the end
  }
  return [field.value.length, field.value.length]
}

function changed(field: TypingField): void {
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/** Types `text` at the caret, replacing any selection, unless it would pass maxlength. */
export function typeInto(field: TypingField, text: string): void {
  const [start, end] = selection(field)
  const room = field.maxLength > 0 ? field.maxLength - (field.value.length - (end - start)) : Infinity
  if (text.length > room) return
  const value = field.value.slice(0, start) + text + field.value.slice(end)
  field.value = value
  try {
    field.setSelectionRange(start + text.length, start + text.length)
  } catch {
    // no caret to move
  }
  changed(field)
}

/** Deletes the selection, or the character before the caret. */
export function deleteBackward(field: TypingField): void {
  const [start, end] = selection(field)
  if (start === end && start === 0) return
  const from = start === end ? start - Array.from(field.value.slice(0, start)).at(-1)!.length : start
  field.value = field.value.slice(0, from) + field.value.slice(end)
  try {
    field.setSelectionRange(from, from)
  } catch {
    // no caret to move
  }
  changed(field)
}

/** "Done": what the Enter key means to the field (search now, submit its form). */
export function pressEnter(field: TypingField): void {
  const init = { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }
  const handled = !field.dispatchEvent(new KeyboardEvent('keydown', init))
  field.dispatchEvent(new KeyboardEvent('keyup', init))
  if (!handled && field instanceof HTMLInputElement && field.form) field.form.requestSubmit()
}
