/** Keeps the last value computed from a list of inputs, compared by identity. */
export class Memo<T> {
  private deps?: readonly unknown[];
  private value?: T;

  get(deps: readonly unknown[], compute: () => T): T {
    const last = this.deps;
    if (last && last.length === deps.length && last.every((d, i) => Object.is(d, deps[i]))) return this.value as T;
    this.value = compute();
    this.deps = deps;
    return this.value;
  }
}
