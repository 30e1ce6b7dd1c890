/**
 * The probe controls, built from the game's own move fields: a slider per number (even in the log for
 * log-scale knobs, whole numbers where the rules want them), a list per choice. Each has a label and
 * shows its value as text.
 */
import type { MoveField, MoveInput } from '../../src/games/types.js';
import { withUnit } from './format.js';

export { formatNumber } from './format.js';

const LOG_STEPS = 1000;

export interface ControlSet {
  /** The move as the rules' parseMove takes it. */
  read(): MoveInput;
  /** Set the controls to a move (after a strategy's probe, say). */
  readonly fields: readonly MoveField[];
  /** Each number field's slider, by field name (none when the numbers are typed). */
  readonly sliders: ReadonlyMap<string, HTMLInputElement>;
  /** Each number field's typed input, by field name (with `typedNumbers`), for a map to fill in. */
  readonly numberInputs: ReadonlyMap<string, HTMLInputElement>;
}

function isWhole(field: MoveField & { kind: 'number' }): boolean {
  return field.step === undefined ? field.min % 1 === 0 && field.max % 1 === 0 && !field.logScale && field.max - field.min <= 1000 : field.step % 1 === 0;
}

/** A number field's slider position → value; log knobs keep about three significant digits. */
export function sliderValue(field: MoveField & { kind: 'number' }, position: number, wholeNumbers: boolean): number {
  if (!field.logScale) return position;
  const raw = field.min * (field.max / field.min) ** (position / LOG_STEPS);
  const value = wholeNumbers ? Math.round(raw) : Number(raw.toPrecision(3));
  return Math.min(field.max, Math.max(field.min, value));
}


/**
 * With `typedNumbers` each number is a plain number box (a map is the pointer's control, and a dig can be
 * typed); what is typed goes to the rules as text, so they name the allowed range for anything else.
 */
export function buildControls(form: HTMLFormElement, fields: readonly MoveField[], defaults: MoveInput, onInput: () => void, typedNumbers = false): ControlSet {
  form.replaceChildren();
  // The rules check a typed move and say what is allowed, in the status line, rather than the browser's bubble.
  form.noValidate = typedNumbers;
  const readers: (() => [string, string | number])[] = [];
  const sliders = new Map<string, HTMLInputElement>();
  const numberInputs = new Map<string, HTMLInputElement>();
  for (const field of fields) {
    const label = document.createElement('label');
    const id = `field-${field.name}`;
    label.htmlFor = id;
    const name = document.createElement('span');
    // A typed number shows its unit after the box; a slider's unit is in its name, its output shows the value.
    name.textContent = field.kind === 'number' && field.unit && !typedNumbers ? `${field.label} (${field.unit})` : field.label;
    label.append(name);
    if (field.kind === 'number' && typedNumbers) {
      const input = document.createElement('input');
      input.type = 'number';
      input.id = id;
      input.name = field.name;
      input.min = String(field.min);
      input.max = String(field.max);
      input.step = field.step === undefined ? 'any' : String(field.step);
      input.value = String(defaults[field.name] ?? (field.min + field.max) / 2);
      input.addEventListener('input', onInput);
      const unit = document.createElement('span');
      unit.className = 'unit';
      // The label already names the input; read aloud, the unit would only repeat "metres".
      unit.setAttribute('aria-hidden', 'true');
      unit.textContent = field.unit ?? '';
      label.append(input, unit);
      readers.push(() => [field.name, input.value]);
      numberInputs.set(field.name, input);
    } else if (field.kind === 'number') {
      const whole = field.logScale ? field.min % 1 === 0 && field.max % 1 === 0 && field.max >= 10 : isWhole(field);
      const slider = document.createElement('input');
      slider.type = 'range';
      slider.id = id;
      slider.name = field.name;
      if (field.logScale) {
        slider.min = '0';
        slider.max = String(LOG_STEPS);
        slider.step = '1';
      } else {
        slider.min = String(field.min);
        slider.max = String(field.max);
        slider.step = String(field.step ?? (whole ? 1 : (field.max - field.min) / 100));
      }
      const initial = Number(defaults[field.name] ?? (field.min + field.max) / 2);
      slider.value = field.logScale ? String(Math.round((LOG_STEPS * Math.log(initial / field.min)) / Math.log(field.max / field.min))) : String(initial);
      const output = document.createElement('output');
      output.htmlFor.add(id);
      const value = () => sliderValue(field, Number(slider.value), whole);
      const show = () => {
        output.textContent = withUnit(value(), field.unit);
        slider.setAttribute('aria-valuetext', output.textContent);
      };
      show();
      // Enter on a slider makes the probe, as it would in a text box (browsers only submit from those).
      slider.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          form.requestSubmit();
        }
      });
      slider.addEventListener('input', () => {
        show();
        onInput();
      });
      label.append(slider, output);
      readers.push(() => [field.name, value()]);
      sliders.set(field.name, slider);
    } else {
      const select = document.createElement('select');
      select.id = id;
      select.name = field.name;
      for (const choice of field.choices) {
        const option = document.createElement('option');
        option.value = choice.value;
        option.textContent = choice.label;
        select.append(option);
      }
      const initial = defaults[field.name];
      if (initial !== undefined) select.value = String(initial);
      select.addEventListener('change', onInput);
      label.append(select, document.createElement('span'));
      readers.push(() => [field.name, select.value]);
    }
    form.append(label);
  }
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.id = 'probe';
  form.append(submit);
  return { read: () => Object.fromEntries(readers.map((reader) => reader())), fields, sliders, numberInputs };
}
