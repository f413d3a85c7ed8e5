#!/usr/bin/env node
// Generates custom-elements.json from the sources with `cem analyze --litelement` (no analyzer
// plugins), then makes it readable by tools that take it literally:
// - paths name shipped files: `src/x.ts` becomes `dist/x.js` (or `dist/x.d.ts` for a module of
//   types only), the layout the library build (preserveModules) produces;
// - a type alias of literals is expanded (`Locale | undefined` → `"ru" | "en" | undefined`), so that
//   editors offer the values, not the alias name;
// - each define module exports its tag (`custom-element-definition`) and each element names the
//   specifier that registers it (`importPath`: `sferum-widgets/link`);
// - every public member of a public element must have a description, or the script fails.
// Modules are sorted by path, so the file is the same on every run.
// With --check, fails instead of writing when the committed file differs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function analyze() {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  // The analyzer resolves --outdir against the working directory.
  const out = mkdtempSync(join(root, 'node_modules/.cache/sferum-cem-'));
  // The analyzer rewrites package.json's "customElements" to its output folder: keep ours.
  const packageJson = readFileSync(join(root, 'package.json'), 'utf8');
  try {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--litelement',
        '--globs',
        'src/**/*.ts',
        '--exclude',
        'src/**/*.test.ts',
        // The server half has no elements; its modules would only bloat the manifest.
        '--exclude',
        'src/server/**',
        '--outdir',
        relative(root, out),
      ],
      { cwd: root, stdio: 'pipe' },
    );
    return JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
  } finally {
    writeFileSync(join(root, 'package.json'), packageJson);
    rmSync(out, { recursive: true, force: true });
  }
}

// --- TypeScript, for the real types behind alias names -------------------------------------------
const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
const checker = program.getTypeChecker();
const sourceOf = (path) => program.getSourceFile(join(root, path));

/**
 * Modules the library build emits as JavaScript: those reached from the package's entries through
 * imports of values (static or dynamic). A module only ever imported for its types ships as `.d.ts`.
 */
const emitted = (() => {
  const reached = new Set();
  const resolve = (from, specifier) =>
    ts.resolveModuleName(specifier, from.fileName, config.options, ts.sys).resolvedModule?.resolvedFileName;
  const importsValue = (clause) => {
    if (!clause) return true; // import './x.js': for its side effects
    if (clause.isTypeOnly) return false;
    if (clause.name || (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings))) return true;
    return clause.namedBindings.elements.some((e) => {
      if (e.isTypeOnly) return false;
      const symbol = checker.getSymbolAtLocation(e.name);
      const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return Boolean(target && target.flags & ts.SymbolFlags.Value);
    });
  };
  const exportsValue = (node) => {
    if (node.isTypeOnly) return false;
    if (!node.exportClause || ts.isNamespaceExport(node.exportClause)) return true;
    return node.exportClause.elements.some((e) => {
      if (e.isTypeOnly) return false;
      const symbol = checker.getExportSpecifierLocalTargetSymbol(e);
      const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return Boolean(target && target.flags & ts.SymbolFlags.Value);
    });
  };
  const visit = (fileName) => {
    if (!fileName || reached.has(fileName)) return;
    reached.add(fileName);
    const file = program.getSourceFile(fileName);
    if (!file) return;
    const walk = (node) => {
      if (ts.isImportDeclaration(node) && importsValue(node.importClause)) visit(resolve(file, node.moduleSpecifier.text));
      else if (ts.isExportDeclaration(node) && node.moduleSpecifier && exportsValue(node)) visit(resolve(file, node.moduleSpecifier.text));
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0] ?? {})) {
        visit(resolve(file, node.arguments[0].text));
      }
      ts.forEachChild(node, walk);
    };
    walk(file);
  };
  for (const target of Object.values(pkg.exports)) {
    // `./server/redis` has only a `node` condition.
    if (typeof target === 'object') visit(join(root, (target.default ?? target.node).replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')));
  }
  return reached;
})();
const typesOnly = (path) => !emitted.has(join(root, path));

/** `src/a/b.ts` (or `./b.js` relative to a module) → the shipped file. */
function shipped(modulePath, from) {
  let path = modulePath;
  if (path.startsWith('.') && from) path = normalize(join(dirname(from), path));
  path = path.replace(/\.js$/, '.ts');
  if (!path.startsWith('src/')) return modulePath;
  return path.replace(/^src\//, 'dist/').replace(/\.ts$/, typesOnly(path) ? '.d.ts' : '.js');
}

const literal = (node) => (ts.isStringLiteral(node.literal) ? JSON.stringify(node.literal.text) : node.literal.getText());

/** The constituents of a type node, aliases of literal unions followed to their literals. */
function expand(node, seen = new Set()) {
  if (ts.isParenthesizedTypeNode(node)) return expand(node.type, seen);
  if (ts.isUnionTypeNode(node)) return node.types.flatMap((t) => expand(t, seen));
  if (ts.isLiteralTypeNode(node)) return [literal(node)];
  // `VendorId | (string & {})`: the listed values, and any string.
  if (ts.isIntersectionTypeNode(node) && node.types.some((t) => t.kind === ts.SyntaxKind.StringKeyword)) return ['string'];
  if (ts.isTypeReferenceNode(node) && !node.typeArguments) {
    let symbol = checker.getSymbolAtLocation(node.typeName);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.[0];
    if (declaration && ts.isTypeAliasDeclaration(declaration) && !declaration.typeParameters && !seen.has(declaration)) {
      const parts = expand(declaration.type, new Set([...seen, declaration]));
      if (parts.some((p) => /^["\d]/.test(p))) return parts;
    }
  }
  // Anything else computed to a union of literals (e.g. `(typeof KINDS)[number]`) is listed too.
  const type = checker.getTypeFromTypeNode(node);
  if (type.isUnion() && type.types.every((t) => t.isLiteral() || t.flags & ts.TypeFlags.BooleanLiteral)) {
    return type.types.map((t) => checker.typeToString(t));
  }
  return [node.getText()];
}

function typeText(typeNode, optional) {
  const parts = [...new Set(expand(typeNode))];
  if (optional && !parts.includes('undefined')) parts.push('undefined');
  const text = parts.join(' | ');
  return text.replace(/\bfalse \| true\b|\btrue \| false\b/, 'boolean');
}

function classDeclaration(path, name) {
  return sourceOf(path)?.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === name);
}

/** The declared type node of a class member, looked up through base classes. */
function memberDeclaration(classNode, name) {
  const type = checker.getTypeAtLocation(classNode);
  return checker.getPropertyOfType(type, name)?.valueDeclaration;
}

function expandMembers(path, declaration) {
  const classNode = classDeclaration(path, declaration.name);
  if (!classNode) return;
  const fieldTypes = new Map();
  for (const member of declaration.members ?? []) {
    // A member keyed by a symbol (the error brand) has no name to look up.
    if (!member.name) continue;
    const node = memberDeclaration(classNode, member.name);
    if (!node) continue;
    if (member.kind === 'field' && member.type && node.type) {
      member.type.text = typeText(node.type, Boolean(node.questionToken));
      fieldTypes.set(member.name, member.type.text);
    }
    if (member.kind === 'method' && ts.isMethodDeclaration(node)) {
      for (const parameter of member.parameters ?? []) {
        const p = node.parameters.find((q) => q.name.getText() === parameter.name);
        if (p?.type && parameter.type) parameter.type.text = typeText(p.type, Boolean(p.questionToken));
      }
    }
  }
  for (const attribute of declaration.attributes ?? []) {
    if (attribute.type && fieldTypes.has(attribute.fieldName)) attribute.type.text = fieldTypes.get(attribute.fieldName);
  }
}

// --- Tags: which define module registers which class, and its package specifier -------------------
const specifierOf = new Map(
  Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === 'object')
    .map(([key, target]) => [(target.default ?? target.node).replace(/^\.\//, ''), key.replace(/^\./, pkg.name)]),
);

function defineExports(path) {
  const source = readFileSync(join(root, path), 'utf8');
  const imports = new Map([...source.matchAll(/import \{ (\w+) \} from '([^']+)'/g)].map(([, name, from]) => [name, from]));
  return [...source.matchAll(/defineElement\('([a-z-]+)', (\w+)\)/g)].map(([, tag, name]) => ({ tag, name, module: shipped(imports.get(name), path) }));
}

// --- Public members must say what they are --------------------------------------------------------
function undocumented(path, declaration) {
  const missing = [];
  const where = `${path} <${declaration.tagName}>`;
  const isPublic = (m) => !m.privacy || m.privacy === 'public';
  for (const m of declaration.members ?? []) if (isPublic(m) && !m.static && !m.description) missing.push(`${where} ${m.kind} ${m.name}`);
  for (const a of declaration.attributes ?? []) if (!a.description) missing.push(`${where} attribute ${a.name}`);
  for (const e of declaration.events ?? []) if (!e.description) missing.push(`${where} event ${e.name}`);
  for (const key of ['cssParts', 'cssProperties', 'slots']) for (const x of declaration[key] ?? []) if (!x.description) missing.push(`${where} ${key} ${x.name || '(default)'}`);
  return missing;
}

// --- Put it together --------------------------------------------------------------------------------
const manifest = analyze();
manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
const missing = [];
const definitions = new Map();
for (const module of manifest.modules) {
  if (module.path.startsWith('src/define/') && module.path !== 'src/define/define.ts') {
    const specifier = specifierOf.get(shipped(module.path));
    for (const { tag, name, module: declared } of defineExports(module.path)) {
      definitions.set(`${declared}#${name}`, { tag, specifier });
      module.exports = [
        ...(module.exports ?? []).filter((e) => e.name !== name),
        { kind: 'js', name, declaration: { name, module: declared } },
        { kind: 'custom-element-definition', name: tag, declaration: { name, module: declared } },
      ];
    }
  }
  // The guarded define helper registers whatever it is given: not a tag of its own.
  if (module.path === 'src/define/define.ts') module.exports = module.exports.filter((e) => e.kind !== 'custom-element-definition');
  for (const declaration of module.declarations ?? []) {
    if (declaration.kind === 'class') expandMembers(module.path, declaration);
  }
}
// Paths last: the steps above look the sources up by their `src/` paths.
for (const module of manifest.modules) {
  const from = module.path;
  module.path = shipped(module.path);
  for (const e of module.exports ?? []) if (e.declaration?.module) e.declaration.module = shipped(e.declaration.module, from);
  for (const declaration of module.declarations ?? []) {
    if (declaration.superclass?.module) declaration.superclass.module = shipped(declaration.superclass.module, from);
    for (const list of [declaration.members, declaration.attributes, declaration.events]) {
      for (const item of list ?? []) if (item.inheritedFrom?.module) item.inheritedFrom.module = shipped(item.inheritedFrom.module, from);
    }
    const definition = definitions.get(`${module.path}#${declaration.name}`);
    if (definition) {
      declaration.tagName ??= definition.tag;
      declaration.importPath = definition.specifier;
    }
    if (declaration.customElement && declaration.tagName) missing.push(...undocumented(module.path, declaration));
  }
}

const fresh = `${JSON.stringify(manifest, null, 2)}\n`;
const target = join(root, 'custom-elements.json');
if (missing.length) {
  console.error(`Public members without a description (add a JSDoc comment):\n  ${missing.join('\n  ')}`);
  process.exitCode = 1;
}
if (check) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== fresh) {
    console.error('custom-elements.json is stale: run `npm run manifest` and commit the result.');
    process.exitCode = 1;
  } else console.log('custom-elements.json is up to date.');
} else if (!missing.length) {
  writeFileSync(target, fresh);
  console.log(`custom-elements.json: ${manifest.modules.length} modules, ${definitions.size} tags`);
}
