import { expect } from '@open-wc/testing';
import { en } from '../src/i18n/en.js';
import { ru } from '../src/i18n/ru.js';
import { bars, generic, loadPreset, mesh, perm, presets, registerAllPresets, resolvePreset } from '../src/presets/presets.js';
import { isPresetLoaded } from '../src/presets/registry.js';
import { ROLES } from '../src/presets/types.js';

describe('vendor presets', () => {
  it('has the four presets as data', () => {
    expect(Object.keys(presets).sort()).to.deep.equal(['bars', 'generic', 'mesh', 'perm']);
    for (const preset of Object.values(presets)) {
      for (const role of ROLES) expect(['self', 'support', 'external']).to.include(preset.unlinkPolicy[role]);
      expect(preset.serviceName.ru).to.be.a('string').and.not.empty;
      expect(preset.serviceName.en).to.be.a('string').and.not.empty;
      for (const token of Object.keys(preset.theme)) expect(token).to.match(/^--sferum-/);
    }
  });

  it('carries the service names and entry texts of the seeds', () => {
    expect(bars.serviceName.ru).to.equal('БАРС.Электронная школа');
    expect(mesh.serviceName.ru).to.equal('МЭШ.ВКС');
    expect(perm.serviceName.ru).to.equal('Электронная Пермская Образовательная система');
    expect(bars.texts.ru?.entryTitle).to.equal('Авторизация в Сферум');
    expect(bars.texts.ru?.entryAction).to.equal('Привязать учётную запись к Сферум');
    expect(mesh.texts.ru?.entryTitle).to.equal('Мессенджер не подключён');
    expect(mesh.texts.ru?.entryAction).to.equal('Перейти к подключению');
    expect(perm.texts.ru?.entryAction).to.equal('Привязать учебный профиль Сферум');
  });

  it('only overrides keys that exist in the dictionary, in both languages', () => {
    for (const preset of Object.values(presets)) {
      for (const key of Object.keys(preset.texts.ru ?? {})) expect(key in ru, `${preset.id}.ru.${key}`).to.equal(true);
      for (const key of Object.keys(preset.texts.en ?? {})) expect(key in en, `${preset.id}.en.${key}`).to.equal(true);
      expect(Object.keys(preset.texts.ru ?? {}).sort(), preset.id).to.deep.equal(Object.keys(preset.texts.en ?? {}).sort());
    }
  });

  it('has the unlink policies of the seeds', () => {
    expect(bars.unlinkPolicy.student).to.equal('self');
    expect(perm.unlinkPolicy.teacher).to.equal('self');
    expect(mesh.unlinkPolicy.teacher).to.equal('support');
    expect(mesh.unlinkPolicy.parent).to.equal('external');
    expect(mesh.unlinkUrl).to.match(/^https:\/\//);
  });

  it('loads a vendor\u2019s preset on demand', async () => {
    await loadPreset('perm');
    expect(isPresetLoaded('perm')).to.equal(true);
    expect(resolvePreset('perm').serviceName.ru).to.equal(perm.serviceName.ru);
  });

  it('lets the host override any single key, leaving the rest', () => {
    registerAllPresets();
    const preset = resolvePreset('mesh', { unlinkPolicy: { teacher: 'self' }, theme: { '--sferum-color-accent': '#ff0000' } });
    expect(preset.unlinkPolicy.teacher).to.equal('self');
    expect(preset.unlinkPolicy.parent).to.equal('external');
    expect(preset.theme['--sferum-color-accent']).to.equal('#ff0000');
    expect(preset.theme['--sferum-radius']).to.equal(mesh.theme['--sferum-radius']);
    expect(mesh.unlinkPolicy.teacher, 'the preset itself is untouched').to.equal('support');
  });

  it('falls back to generic for an unknown vendor', () => {
    expect(resolvePreset('unknown')).to.equal(generic);
    expect(resolvePreset(undefined)).to.equal(generic);
  });
});
