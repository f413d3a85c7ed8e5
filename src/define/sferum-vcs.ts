import { SferumVcs } from '../components/vcs/sferum-vcs.js';
import { defineElement } from './define.js';

defineElement('sferum-vcs', SferumVcs);

export { SferumVcs };

declare global {
  interface HTMLElementTagNameMap {
    'sferum-vcs': SferumVcs;
  }
}
