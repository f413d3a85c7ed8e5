import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { JournalComponent } from './journal.component';

bootstrapApplication(JournalComponent, { providers: [provideZonelessChangeDetection()] }).catch((error) => console.error(error));
