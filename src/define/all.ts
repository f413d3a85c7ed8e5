import './sferum-provider.js';
import './sferum-link.js';
import './sferum-chats.js';
import './sferum-vcs.js';
import './sferum-join.js';
import './sferum-hub.js';
