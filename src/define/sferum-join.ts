import { SferumJoin } from '../components/join/sferum-join.js';
import { defineElement } from './define.js';

defineElement('sferum-join', SferumJoin);

export { SferumJoin };

declare global {
  interface HTMLElementTagNameMap {
    'sferum-join': SferumJoin;
  }
}
