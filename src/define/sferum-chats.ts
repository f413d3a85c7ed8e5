import { SferumChats } from '../components/chats/sferum-chats.js';
import { defineElement } from './define.js';

defineElement('sferum-chats', SferumChats);

export { SferumChats };

declare global {
  interface HTMLElementTagNameMap {
    'sferum-chats': SferumChats;
  }
}
