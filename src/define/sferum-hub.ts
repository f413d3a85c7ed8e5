import { SferumHub } from '../components/hub/sferum-hub.js';
import { defineElement } from './define.js';

defineElement('sferum-hub', SferumHub);

export { SferumHub };

declare global {
  interface HTMLElementTagNameMap {
    'sferum-hub': SferumHub;
  }
}
