import { expect } from '@open-wc/testing';
import { clearFlow, loadFlow, saveFlow } from '../src/flows/flow-store.js';
import { asciiDigits, checkBirthDate, checkName, extractCode, missingPasswordRules } from '../src/flows/validation.js';

describe('flow store', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps only the flow id and method, per key, until it expires', () => {
    saveFlow('a', { flowId: 'f1', method: 'max' }, 1000);
    expect(Object.keys(JSON.parse(sessionStorage.getItem('sferum-widgets:flow:a')!)).sort()).to.deep.equal(['expires', 'flowId', 'method']);
    expect(loadFlow('a', 2000)).to.deep.equal({ flowId: 'f1', method: 'max' });
    expect(loadFlow('b', 2000)).to.equal(undefined);
    expect(loadFlow('a', 1000 + 31 * 60_000), 'expired after 30 minutes').to.equal(undefined);
    expect(sessionStorage.getItem('sferum-widgets:flow:a'), 'an expired entry is removed').to.equal(null);
  });

  it('drops a broken or tampered entry', () => {
    for (const raw of ['{', '{"flowId":1,"method":"max","expires":9e15}', '{"flowId":"f","method":"evil","expires":9e15}', `{"flowId":"${'x'.repeat(300)}","method":"vkid","expires":9e15}`]) {
      sessionStorage.setItem('sferum-widgets:flow:k', raw);
      expect(loadFlow('k'), raw).to.equal(undefined);
      expect(sessionStorage.getItem('sferum-widgets:flow:k')).to.equal(null);
    }
    saveFlow('k', { flowId: 'f', method: 'vkid' });
    clearFlow('k');
    expect(loadFlow('k')).to.equal(undefined);
  });
});

describe('flow input checks', () => {
  it('names', () => {
    expect(checkName('Иванова-Петрова', true)).to.equal(undefined);
    expect(checkName("Д'Артаньян", true)).to.equal(undefined);
    expect(checkName('Анна Мария', true)).to.equal(undefined);
    expect(checkName('Zoë', true)).to.equal(undefined);
    expect(checkName('', true)).to.equal('required');
    expect(checkName('', false)).to.equal(undefined);
    expect(checkName('Иван2', true)).to.equal('chars');
    expect(checkName('<b>', true)).to.equal('chars');
    expect(checkName("-'", true)).to.equal('chars');
    expect(checkName('а'.repeat(51), true)).to.equal('long');
  });

  it('dates of birth', () => {
    const today = new Date(2026, 10, 23);
    expect(checkBirthDate('1978-12-12', today)).to.equal(undefined);
    expect(checkBirthDate('2012-02-29', today)).to.equal(undefined);
    expect(checkBirthDate('2010-02-30', today)).to.equal('invalid');
    expect(checkBirthDate('2013-02-29', today)).to.equal('invalid');
    expect(checkBirthDate('12.12.1978', today)).to.equal('invalid');
    expect(checkBirthDate('2027-01-01', today)).to.equal('future');
    expect(checkBirthDate('2024-01-01', today)).to.equal('implausible');
    expect(checkBirthDate('1900-01-01', today)).to.equal('implausible');
    expect(checkBirthDate('', today)).to.equal('required');
  });

  it('password rules of the seed', () => {
    expect(missingPasswordRules('Novyi-Parol-1!')).to.deep.equal([]);
    expect(missingPasswordRules('short')).to.deep.equal(['length', 'upper', 'digit', 'special']);
    expect(missingPasswordRules('ПарольСЦифрой1!')).to.deep.equal([]);
    expect(missingPasswordRules('alllowercase1!')).to.deep.equal(['upper']);
  });

  it('codes and digits', () => {
    expect(extractCode('Код: 12 34 56', 6)).to.equal('123456');
    expect(extractCode('１２３４', 4)).to.equal('1234');
    expect(extractCode('٤٥٦٧', 4)).to.equal('4567');
    expect(extractCode('1234567', 6)).to.equal('123456');
    expect(asciiDigits('٠١٢')).to.equal('012');
  });
});
