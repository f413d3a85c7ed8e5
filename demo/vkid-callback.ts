// The demo's return page runs the package's own script (`sferum-widgets/vkid-callback`) from source.
import '../src/vkid-callback/vkid-callback.js';
