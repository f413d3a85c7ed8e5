import { SferumProvider } from '../components/provider/sferum-provider.js';
import { defineElement } from './define.js';

defineElement('sferum-provider', SferumProvider);

export { SferumProvider };

declare global {
  interface HTMLElementTagNameMap {
    'sferum-provider': SferumProvider;
  }
}
