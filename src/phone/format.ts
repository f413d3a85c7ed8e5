/** `+79521234567` → `+7 (952) 123-45-67` (the seeds' format, built from the national number). */
export function formatPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}` : e164;
}

/** `+79521234567` → `+7 *** ***-**-67`: enough to recognise one's own number, no more. */
export function maskPhone(e164: string): string {
  const m = /^\+7\d{8}(\d{2})$/.exec(e164);
  return m ? `+7 *** ***-**-${m[1]}` : '+7 *** ** *';
}
