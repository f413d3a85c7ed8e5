import { html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { getClock } from '../../../controllers/clock.js';
import { checkBirthDate, checkName } from '../../../flows/validation.js';
import { textField } from './fields.js';
import { StepElement } from './step-element.js';

type Values = { lastName: string; firstName: string; middleName: string; birthDate: string; gender: string };

/** `DD.MM.YYYY` (also `D.M.YYYY`, `/` or `-` separators) → `YYYY-MM-DD`; anything else → itself. */
function toIsoDate(typed: string): string {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(typed);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : typed.trim() === '' ? '' : 'invalid';
}

function fromIsoDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

/** «Информация о себе»: Фамилия, Имя, Отчество, Дата рождения, Пол — prefilled when known. @internal */
export class StepAboutYou extends StepElement<StepOf<'about-you'>> {
  protected override fields = ['lastName', 'firstName', 'middleName', 'birthDate', 'gender'];
  @state() private values: Values = { lastName: '', firstName: '', middleName: '', birthDate: '', gender: '' };
  @state() private problems: Partial<Record<keyof Values, string>> = {};
  private seeded = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.seeded && this.step) {
      const p = this.step.prefill;
      this.values = {
        lastName: p.lastName ?? '',
        firstName: p.firstName ?? '',
        middleName: p.middleName ?? '',
        birthDate: fromIsoDate(p.birthDate),
        gender: p.gender ?? '',
      };
      this.seeded = true;
    }
  }

  private set(name: keyof Values, value: string): void {
    this.values = { ...this.values, [name]: value };
    if (this.problems[name]) this.problems = { ...this.problems, [name]: undefined };
  }

  private validate(): boolean {
    const t = this.i18n;
    const v = this.values;
    const problems: Partial<Record<keyof Values, string>> = {};
    const nameText = { required: t.t('aboutRequired'), chars: t.t('aboutNameChars'), long: t.t('aboutNameLong') };
    for (const [name, required] of [['lastName', true], ['firstName', true], ['middleName', false]] as const) {
      const problem = checkName(v[name], required);
      if (problem) problems[name] = nameText[problem];
    }
    const iso = toIsoDate(v.birthDate);
    const dateProblem = iso === 'invalid' ? 'invalid' : checkBirthDate(iso, new Date(getClock().now()));
    if (dateProblem) {
      problems.birthDate = {
        required: t.t('aboutRequired'),
        invalid: t.t('aboutDateInvalid'),
        future: t.t('aboutDateFuture'),
        implausible: t.t('aboutDateImplausible'),
      }[dateProblem];
    }
    if (v.gender !== 'male' && v.gender !== 'female') problems.gender = t.t('aboutGenderRequired');
    this.problems = problems;
    return Object.keys(problems).length === 0;
  }

  private submit(event: Event): void {
    event.preventDefault();
    if (this.submitBlocked) return;
    if (!this.validate()) {
      void this.focusFirstInvalid();
      return;
    }
    const v = this.values;
    this.answer('continue', {
      lastName: v.lastName.trim(),
      firstName: v.firstName.trim(),
      middleName: v.middleName.trim(),
      birthDate: toIsoDate(v.birthDate),
      gender: v.gender,
    });
  }

  private nameField(name: 'lastName' | 'firstName' | 'middleName', label: string, autocomplete: string) {
    return textField({
      name,
      label,
      value: this.values[name],
      autocomplete,
      required: name !== 'middleName',
      error: this.problems[name] ?? this.errorFor(name),
      onInput: (value) => this.set(name, value),
    });
  }

  protected override render() {
    const t = this.i18n;
    const genderError = this.problems.gender ?? this.errorFor('gender');
    return html`<form novalidate @submit=${this.submit}>
      ${this.renderHeader(t.t('aboutTitle'), t.t('aboutNote'))}
      ${this.nameField('lastName', t.t('aboutLastName'), 'family-name')}
      ${this.nameField('firstName', t.t('aboutFirstName'), 'given-name')}
      ${this.nameField('middleName', t.t('aboutMiddleName'), 'additional-name')}
      ${textField({
        name: 'birthDate',
        label: t.t('aboutBirthDate'),
        value: this.values.birthDate,
        hint: t.t('aboutBirthDateHint'),
        inputmode: 'numeric',
        autocomplete: 'bday',
        required: true,
        error: this.problems.birthDate ?? this.errorFor('birthDate'),
        onInput: (value) => this.set('birthDate', value),
      })}
      <fieldset class="picks" aria-describedby=${genderError ? 'gender-error' : ''}>
        <legend>${t.t('aboutGender')}</legend>
        ${(['male', 'female'] as const).map(
          (g) => html`<label class="pick">
            <input
              type="radio"
              name="gender"
              .value=${g}
              .checked=${this.values.gender === g}
              aria-invalid=${genderError ? 'true' : 'false'}
              @change=${() => this.set('gender', g)}
            />
            ${g === 'male' ? t.t('aboutMale') : t.t('aboutFemale')}
          </label>`,
        )}
      </fieldset>
      ${genderError ? html`<span class="field-error" id="gender-error">${genderError}</span>` : ''}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${t.t('continue')}</button>
      </div>
    </form>`;
  }
}
