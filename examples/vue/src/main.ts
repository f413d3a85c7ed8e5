import { createApp } from 'vue';
import Journal from './Journal.vue';

createApp(Journal).mount('#app');
