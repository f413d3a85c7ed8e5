import './sferum-provider.js';
import './sferum-link.js';
