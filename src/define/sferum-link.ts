import { SferumLink } from '../components/link/sferum-link.js';
import { defineElement } from './define.js';

defineElement('sferum-link', SferumLink);

export { SferumLink };

declare global {
  interface HTMLElementTagNameMap {
    'sferum-link': SferumLink;
  }
}
