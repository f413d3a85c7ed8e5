import './sferum-provider.js';
import './sferum-link.js';
import './sferum-chats.js';
